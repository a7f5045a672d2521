package io.crvs.app.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.function.Supplier;

/**
 * A GET-only resource (mounted at {@code /metrics} or {@code /ready}) whose body and status come from a supplier.
 */
public final class TextResourceHandler implements HttpHandler {

    /** What to answer. */
    public record Answer(int status, String contentType, String body) {
    }

    private final Supplier<Answer> answer;

    public TextResourceHandler(Supplier<Answer> answer) {
        this.answer = answer;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!exchange.getRelativePath().isEmpty() && !exchange.getRelativePath().equals("/")) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send("{\"error\":{\"code\":\"not_found\",\"message\":\"no such resource\"}}");
            return;
        }
        if (!Methods.GET.equals(exchange.getRequestMethod())) {
            exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send("{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"use GET\"}}");
            return;
        }
        Answer a = answer.get();
        exchange.setStatusCode(a.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, a.contentType());
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(a.body());
    }

    @Override
    public String toString() {
        return "TextResourceHandler";
    }
}
