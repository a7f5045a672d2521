package io.crvs.core.port.out;

import java.util.Objects;

/**
 * A call to a CRVS registry did not give a usable answer. {@link #failure()} says which way it failed, so that
 * callers map it without parsing messages; {@link #code()} carries the CRVS's own error or reason code when it gave
 * one. The message names the CRVS and never personal data.
 */
public final class CrvsCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How a call failed. */
    public enum Failure {
        /** No CRVS of that id is configured, or none at all. */
        UNKNOWN_CRVS,
        /** The CRVS could not be reached or answered 5xx, after the configured retries. */
        UNAVAILABLE,
        /** The CRVS did not answer within the configured time (or its callback never came). */
        TIMEOUT,
        /** The CRVS refused the request ({@code ERR} / {@code NACK} acknowledgement, 4xx, {@code rjct} status). */
        REJECTED,
        /** The answer's signature did not verify, or it came from another sender: not trusted, not used. */
        UNTRUSTED,
        /** The answer could not be read (not a DCI envelope, not for our request). */
        BAD_RESPONSE,
        /** This client cannot make the call here (an asynchronous search without a server to take the callback). */
        NOT_SUPPORTED
    }

    private final Failure failure;
    private final String crvsId;
    private final String code;

    /**
     * @param failure what went wrong
     * @param crvsId  the CRVS called, or {@code null} when none could be chosen
     * @param code    the CRVS's error code ({@code err.signature.invalid}, {@code rjct.reference_id.invalid}), or
     *                {@code null}
     * @param message a message free of personal data
     */
    public CrvsCallException(Failure failure, String crvsId, String code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.crvsId = crvsId;
        this.code = code;
    }

    public CrvsCallException(Failure failure, String crvsId, String message) {
        this(failure, crvsId, null, message, null);
    }

    public Failure failure() {
        return failure;
    }

    /** The CRVS called, or {@code null}. */
    public String crvsId() {
        return crvsId;
    }

    /** The CRVS's error or reason code, or {@code null}. */
    public String code() {
        return code;
    }
}
