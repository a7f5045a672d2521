package io.crvs.http.server;

import io.crvs.core.domain.DciErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;

/**
 * Caps the request body: a declared {@code Content-Length} over the limit is refused at once (413, the body is
 * not read and the connection is closed afterwards); otherwise the exchange's maximum entity size is set, so a
 * chunked body that grows past the limit fails while it is read (also answered 413 by
 * {@link ErrorResponseHandler}).
 */
final class BodySizeLimitHandler implements HttpHandler {

    private final long maxBytes;
    private final HttpHandler next;

    BodySizeLimitHandler(long maxBytes, HttpHandler next) {
        this.maxBytes = maxBytes;
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.getRequestContentLength() > maxBytes) {
            exchange.setPersistent(false);
            throw tooLarge(maxBytes);
        }
        if (Boolean.TRUE.equals(exchange.getAttachment(EarlyBodyReader.TOO_LARGE))) {
            throw tooLarge(maxBytes);
        }
        if (exchange.getAttachment(EarlyBodyReader.BODY) == null) {
            exchange.setMaxEntitySize(maxBytes);
        }
        next.handleRequest(exchange);
    }

    static DciRejection tooLarge(long maxBytes) {
        return new DciRejection(DciErrorCode.REQUEST_TOO_LARGE, "body_too_large",
                "the request body is larger than the limit of " + maxBytes + " bytes");
    }

    @Override
    public String toString() {
        return "body-size-limit(" + maxBytes + ") -> " + next;
    }
}
