package io.crvs.core.domain;

/**
 * The DCI {@code Error.code} values we answer with (communication-layer errors; reference §7.5), each with the
 * HTTP status it travels with.
 */
public enum DciErrorCode {
    REQUEST_BAD("err.request.bad", 400),
    REQUEST_UNAUTHORIZED("err.request.unauthorized", 401),
    REQUEST_FORBIDDEN("err.request.forbidden", 403),
    REQUEST_NOT_FOUND("err.request.not_found", 404),
    REQUEST_TOO_LARGE("err.request.bad", 413),
    UNSUPPORTED_MEDIA_TYPE("err.request.bad", 415),
    TOO_MANY_REQUESTS("err.request.too_many_requests", 429),
    VERSION_NOT_SUPPORTED("err.version.not_supported", 400),
    SENDER_ID_INVALID("err.sender_id.invalid", 401),
    RECEIVER_ID_INVALID("err.receiver_id.invalid", 400),
    SIGNATURE_MISSING("err.signature.missing", 401),
    SIGNATURE_INVALID("err.signature.invalid", 401),
    ENCRYPTION_INVALID("err.encryption.invalid", 400),
    SERVICE_UNAVAILABLE("err.service.unavailable", 503);

    private final String code;
    private final int httpStatus;

    DciErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The code on the wire ({@code err.signature.invalid}). */
    public String code() {
        return code;
    }

    /** The HTTP status that goes with it. */
    public int httpStatus() {
        return httpStatus;
    }
}
