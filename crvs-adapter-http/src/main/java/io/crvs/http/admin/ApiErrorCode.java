package io.crvs.http.admin;

/**
 * The stable error codes of the admin API, each with its HTTP status. Every refusal answers
 * {@code {"error":{"code":…,"message":…}}} with one of these codes, so clients and tests switch on the code,
 * never on the message.
 */
public enum ApiErrorCode {
    /** A malformed id, parameter or body; the answer names the field. */
    BAD_REQUEST("bad_request", 400),
    /** No bearer token, an unknown one, or one of an inactive user. */
    UNAUTHORIZED("unauthorized", 401),
    /** The caller's role does not allow the action. */
    FORBIDDEN("forbidden", 403),
    /** No such route, event, sender or person. */
    NOT_FOUND("not_found", 404),
    /** The route exists but not with this method (answered with {@code Allow}). */
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    /** The action contradicts the current state (retry of an event not in error, sender already exists). */
    CONFLICT("conflict", 409),
    /** The request body is larger than the admin API accepts. */
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    /** A request body that is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    /** An unexpected fault; the message reveals nothing and the details are logged. */
    INTERNAL_ERROR("internal_error", 500),
    /** The sender's JWKS could not be fetched or used; the message says why. */
    KEY_FETCH_FAILED("key_fetch_failed", 502),
    /** The CRVS could not be reached, answered 5xx, or answered something unreadable. */
    CRVS_UNAVAILABLE("crvs_unavailable", 502),
    /** The CRVS refused the request (an ERR acknowledgement, a 4xx, a {@code rjct}); the message has its code. */
    CRVS_REJECTED("crvs_rejected", 502),
    /** The CRVS's answer did not verify with its keys (or came from another sender): not used. */
    CRVS_UNTRUSTED("crvs_untrusted", 502),
    /** The CRVS did not answer in time. */
    CRVS_TIMEOUT("crvs_timeout", 504),
    /** The backing store cannot be reached; nothing was changed (answered with {@code Retry-After}). */
    UNAVAILABLE("unavailable", 503);

    private final String code;
    private final int status;

    ApiErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The code as written in the error body. */
    public String code() {
        return code;
    }

    /** The HTTP status answered with this code. */
    public int status() {
        return status;
    }
}
