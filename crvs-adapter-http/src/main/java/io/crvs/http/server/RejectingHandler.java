package io.crvs.http.server;

import io.crvs.core.domain.DciErrorCode;
import io.crvs.http.codec.SafeText;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Map;

/**
 * Answers requests that match no endpoint: an unknown path (404 {@code err.request.not_found}) or a known path
 * with the wrong method (405 with {@code Allow}, code {@code err.request.bad}: DCI has no code of its own).
 */
final class RejectingHandler implements HttpHandler {

    private final Map<String, String> allowedByPath;

    /** @param allowedByPath for each known path, its allowed method; {@code null} makes a plain 404 handler */
    private RejectingHandler(Map<String, String> allowedByPath) {
        this.allowedByPath = allowedByPath;
    }

    static RejectingHandler notFound() {
        return new RejectingHandler(null);
    }

    static RejectingHandler methodNotAllowed(Map<String, String> allowedByPath) {
        return new RejectingHandler(Map.copyOf(allowedByPath));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String allowed = allowedByPath == null ? null : allowedByPath.get(exchange.getRelativePath());
        if (allowed == null) {
            throw new DciRejection(DciErrorCode.REQUEST_NOT_FOUND, "not_found", "no such endpoint");
        }
        exchange.getResponseHeaders().put(Headers.ALLOW, allowed);
        throw new DciRejection(405, DciErrorCode.REQUEST_BAD.code(), "method_not_allowed",
                "method " + SafeText.quote(exchange.getRequestMethod().toString()) + " is not allowed here; use "
                        + allowed);
    }

    @Override
    public String toString() {
        return allowedByPath == null ? "not-found" : "method-not-allowed";
    }
}
