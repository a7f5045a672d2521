package io.crvs.http.server;

import io.crvs.core.domain.DciErrorCode;
import java.util.Objects;

/**
 * A request is refused with a DCI error answer: the HTTP status, the DCI {@code Error.code}, a stable reason for
 * logs and metrics, and a message for the client that is already free of personal data. Thrown by the handlers
 * and turned into the ERR body by {@link ErrorResponseHandler}; a normal outcome, so it carries no stack trace.
 */
public final class DciRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String reason;

    /** A rejection with the status that goes with the code. */
    public DciRejection(DciErrorCode code, String reason, String message) {
        this(code.httpStatus(), code.code(), reason, message);
    }

    /** A rejection with an explicit status (405 has no DCI code of its own). */
    public DciRejection(int status, String code, String reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** 400 {@code err.request.bad}. */
    public static DciRejection badRequest(String reason, String message) {
        return new DciRejection(DciErrorCode.REQUEST_BAD, reason, message);
    }

    public int status() {
        return status;
    }

    /** The DCI error code ({@code err.request.bad}, …). */
    public String code() {
        return code;
    }

    /** The stable reason code ({@code action_mismatch}, {@code unknown_sender}, …). */
    public String reason() {
        return reason;
    }
}
