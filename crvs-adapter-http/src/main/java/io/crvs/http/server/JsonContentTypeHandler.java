package io.crvs.http.server;

import io.crvs.core.domain.DciErrorCode;
import io.crvs.http.codec.SafeText;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Locale;
import java.util.Objects;

/**
 * Lets only JSON bodies through: {@code application/json} with any parameters (the charset is ignored: bodies are
 * read as UTF-8) and any {@code application/*+json}. Anything else is refused with 415.
 *
 * <p>A request without a {@code Content-Type} is let through: some CRVS clients and gateways omit it, and the
 * body must parse as a JSON object anyway (else 400), so accepting it adds no risk.
 */
final class JsonContentTypeHandler implements HttpHandler {

    private final HttpHandler next;

    JsonContentTypeHandler(HttpHandler next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType != null && !contentType.isBlank() && !isJson(contentType)) {
            throw new DciRejection(DciErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "the body must be application/json, not " + SafeText.quote(contentType));
        }
        next.handleRequest(exchange);
    }

    static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        return mime.equals("application/json")
                || (mime.startsWith("application/") && mime.endsWith("+json") && mime.indexOf('/') == 11);
    }

    @Override
    public String toString() {
        return "json-only -> " + next;
    }
}
