package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.Map;

/** Writes an admin answer (status, JSON, no caching, extra headers) and ends the exchange. */
final class ResponseWriter {

    private ResponseWriter() {
    }

    static void write(HttpServerExchange exchange, ApiResponse response) {
        send(exchange, response.status(), response.bytes(), response.headers());
    }

    /** {@code {"error":{"code":…,"message":…[,"field":…]}}} with the refusal's status and headers. */
    static void error(HttpServerExchange exchange, ApiException failure) {
        ObjectNode body = ApiJson.object();
        ObjectNode error = body.putObject("error");
        error.put("code", failure.code().code());
        error.put("message", failure.getMessage());
        if (failure.field() != null) {
            error.put("field", failure.field());
        }
        send(exchange, failure.code().status(), ApiJson.write(body), failure.headers());
    }

    private static void send(HttpServerExchange exchange, int status, byte[] body, Map<String, String> headers) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
