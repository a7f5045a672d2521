package io.crvs.http.signature;

/** A signature value cannot be parsed for its profile; the message says why, without echoing the value. */
final class MalformedSignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedSignatureException(String message) {
        super(message);
    }
}
