package io.crvs.core.port.out;

/** A JWKS fetch failed; the message says why (timeout, HTTP status, not a JWKS). */
public final class KeyFetchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
