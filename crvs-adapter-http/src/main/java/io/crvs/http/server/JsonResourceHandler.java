package io.crvs.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Serves a JSON document computed on each request (our JWKS at {@code /.well-known/jwks.json}, the health
 * status): 200 {@code application/json}.
 */
final class JsonResourceHandler implements HttpHandler {

    private final String name;
    private final Supplier<String> document;

    JsonResourceHandler(String name, Supplier<String> document) {
        this.name = Objects.requireNonNull(name, "name");
        this.document = Objects.requireNonNull(document, "document");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String json = Objects.requireNonNull(document.get(), name + " document");
        AnswerWriter.json(exchange, 200, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "json-resource(" + name + ")";
    }
}
