package io.crvs.http.admin;

import io.crvs.core.domain.IllegalStateTransitionException;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.SubscriptionConflictException;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.EventNotFoundException;
import io.crvs.core.port.out.SubscriptionNotFoundException;
import io.crvs.core.port.out.IdentifierConflictException;
import io.crvs.core.port.out.StaleVersionException;
import io.crvs.core.port.out.StoreUnavailableException;
import io.crvs.http.codec.SafeText;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.util.Map;

/**
 * What the admin API answers for an exception an endpoint let through: the domain's refusals become 4xx with
 * their code, a store outage 503 to retry, anything else a 500 that reveals nothing (and is logged as a bug).
 */
final class ErrorMapping {

    /** Seconds a client should wait after a 503. */
    static final String RETRY_AFTER_SECONDS = "5";

    private ErrorMapping() {
    }

    static ApiException of(Throwable t) {
        if (t instanceof ApiException a) {
            return a;
        }
        if (t instanceof CrvsCallException e) {
            return CrvsEndpoints.failure(e);
        }
        if (t instanceof SubscriptionNotFoundException e) {
            return ApiException.notFound("no subscription " + SafeText.quote(e.id()));
        }
        if (t instanceof SubscriptionConflictException e) {
            return ApiException.conflict(e.getMessage());
        }
        if (t instanceof EventNotFoundException e) {
            return ApiException.notFound("no event " + e.id());
        }
        if (t instanceof IllegalStateTransitionException e) {
            return ApiException.conflict(e.getMessage());
        }
        if (t instanceof IdentifierConflictException || t instanceof StaleVersionException) {
            return ApiException.conflict(SafeText.clean(t.getMessage(), SafeText.MESSAGE_LIMIT));
        }
        if (t instanceof InvalidInputException e) {
            return new ApiException(ApiErrorCode.BAD_REQUEST, SafeText.clean(e.getMessage(), SafeText.MESSAGE_LIMIT),
                    null, Map.of());
        }
        if (t instanceof RequestTooBigException) {
            return tooLarge(JsonBody.MAX_BYTES);
        }
        if (t instanceof StoreUnavailableException) {
            return new ApiException(ApiErrorCode.UNAVAILABLE, "the store is unavailable; nothing was changed, retry later",
                    null, Map.of(Headers.RETRY_AFTER_STRING, RETRY_AFTER_SECONDS));
        }
        return ApiException.of(ApiErrorCode.INTERNAL_ERROR, "internal error");
    }

    static ApiException tooLarge(long maxBytes) {
        return ApiException.of(ApiErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than the limit of " + maxBytes + " bytes");
    }
}
