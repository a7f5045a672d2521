package io.crvs.http.signature;

/** A body cannot be put in the canonical signed form: it is not JSON, or has no header object or no message. */
final class CanonicalJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    CanonicalJsonException(String message) {
        super(message);
    }
}
