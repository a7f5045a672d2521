package io.crvs.http.server;

import io.crvs.core.domain.DciErrorCode;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.port.out.KeysUnavailableException;
import io.crvs.core.port.out.StoreUnavailableException;
import io.crvs.http.codec.EnvelopeFormatException;
import io.crvs.http.codec.SafeText;
import io.undertow.server.RequestTooBigException;
import java.io.IOException;

/**
 * What to answer for an exception thrown while handling a request: a client's mistake is a 4xx with a DCI error
 * code, a server-side outage a 503 to retry, anything else a 500 whose message reveals nothing.
 *
 * @param status     HTTP status
 * @param code       DCI {@code Error.code}
 * @param reason     stable reason code for logs and metrics
 * @param message    the client-facing message (no internals, no personal data)
 * @param retryLater whether to send {@code Retry-After}
 * @param unexpected whether this is a bug to log with its stack trace
 */
record Failure(int status, String code, String reason, String message, boolean retryLater, boolean unexpected) {

    static Failure of(Throwable t) {
        if (t instanceof DciRejection r) {
            return new Failure(r.status(), r.code(), r.reason(), r.getMessage(), false, false);
        }
        if (t instanceof EnvelopeFormatException e) {
            return client(DciErrorCode.REQUEST_BAD, e.reason(), e.getMessage());
        }
        if (t instanceof InvalidInputException e) {
            return client(DciErrorCode.REQUEST_BAD, "invalid_input", SafeText.clean(e.getMessage(), 200));
        }
        if (t instanceof RequestTooBigException) {
            return client(DciErrorCode.REQUEST_TOO_LARGE, "body_too_large", "the request body is too large");
        }
        if (t instanceof IOException) {
            return client(DciErrorCode.REQUEST_BAD, "unreadable_body", "the request body could not be read");
        }
        if (t instanceof StoreUnavailableException) {
            return unavailable("store_unavailable",
                    "the registry store is unavailable; nothing was stored, retry later");
        }
        if (t instanceof KeysUnavailableException) {
            return unavailable("keys_unavailable",
                    "the sender's public keys cannot be obtained right now; nothing was stored, retry later");
        }
        return new Failure(500, DciErrorCode.SERVICE_UNAVAILABLE.code(), "internal_error",
                "internal error; nothing was stored", false, true);
    }

    private static Failure client(DciErrorCode code, String reason, String message) {
        return new Failure(code.httpStatus(), code.code(), reason, message, false, false);
    }

    private static Failure unavailable(String reason, String message) {
        return new Failure(503, DciErrorCode.SERVICE_UNAVAILABLE.code(), reason, message, true, false);
    }
}
