package io.crvs.http.keys;

/** A document is not a JWKS at all (not JSON, no {@code keys} array) or has no usable key. */
public final class JwksFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public JwksFormatException(String message) {
        super(message);
    }
}
