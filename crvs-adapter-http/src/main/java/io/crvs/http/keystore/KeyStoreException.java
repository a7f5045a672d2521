package io.crvs.http.keystore;

/**
 * The key store cannot be used: its directory or a key file is readable by others, a file is unreadable or
 * damaged, or there is no key to sign with. The message says what to do; it never contains key material.
 */
public final class KeyStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyStoreException(String message) {
        super(message);
    }

    public KeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
