package io.crvs.http.admin;

import io.undertow.util.Headers;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal of the admin API: an {@link ApiErrorCode}, a client-facing message free of internals, the field it
 * concerns (for {@code bad_request}) and any header the answer needs ({@code Allow}, {@code WWW-Authenticate},
 * {@code Retry-After}). Thrown by the routing, the authentication and the endpoints; written by {@link AdminApi}.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ApiErrorCode code;
    private final String field;
    private final transient Map<String, String> headers;

    ApiException(ApiErrorCode code, String message, String field, Map<String, String> headers) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(ApiErrorCode.BAD_REQUEST, message, Objects.requireNonNull(field, "field"), Map.of());
    }

    static ApiException unauthorized(String message) {
        return new ApiException(ApiErrorCode.UNAUTHORIZED, message, null,
                Map.of(Headers.WWW_AUTHENTICATE_STRING, "Bearer"));
    }

    static ApiException forbidden(String message) {
        return of(ApiErrorCode.FORBIDDEN, message);
    }

    static ApiException notFound(String message) {
        return of(ApiErrorCode.NOT_FOUND, message);
    }

    static ApiException methodNotAllowed(String method, String allowed) {
        return new ApiException(ApiErrorCode.METHOD_NOT_ALLOWED, "method " + method + " is not allowed here; use "
                + allowed, null, Map.of(Headers.ALLOW_STRING, allowed));
    }

    static ApiException conflict(String message) {
        return of(ApiErrorCode.CONFLICT, message);
    }

    static ApiException of(ApiErrorCode code, String message) {
        return new ApiException(code, message, null, Map.of());
    }

    ApiErrorCode code() {
        return code;
    }

    /** The request field the refusal concerns, or {@code null}. */
    String field() {
        return field;
    }

    Map<String, String> headers() {
        return headers;
    }
}
