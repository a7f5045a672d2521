package io.crvs.http.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.http.codec.SafeText;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON object body of an admin request, read strictly: {@code application/json} only, at most
 * {@link #MAX_BYTES}, one JSON object without duplicate keys, and no field the route does not know. Every
 * refusal is a {@code bad_request} naming the field ({@code body} for the document itself).
 */
final class JsonBody implements FieldSource {

    /** The largest admin request body (64 KiB: notes and sender definitions are small). */
    static final int MAX_BYTES = 64 * 1024;
    static final String BODY = "body";

    private final ObjectNode root;

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    /**
     * Reads the body of a request already in blocking mode.
     *
     * @param required whether an empty body is refused (otherwise it reads as {@code {}})
     */
    static JsonBody read(HttpServerExchange exchange, boolean required) throws IOException {
        if (exchange.getRequestContentLength() > MAX_BYTES) {
            exchange.setPersistent(false);
            throw ErrorMapping.tooLarge(MAX_BYTES);
        }
        byte[] bytes;
        try (InputStream in = exchange.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            exchange.setPersistent(false);
            throw ErrorMapping.tooLarge(MAX_BYTES);
        }
        if (bytes.length == 0) {
            if (required) {
                throw ApiException.badRequest(BODY, "a JSON object body is required");
            }
            return new JsonBody(ApiJson.object());
        }
        requireJsonContentType(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
        JsonNode parsed;
        try {
            parsed = ApiJson.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(BODY, "the body is not valid JSON: "
                    + SafeText.clean(e.getOriginalMessage(), 120));
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw ApiException.badRequest(BODY, "the body must be a JSON object");
        }
        return new JsonBody(object);
    }

    private static void requireJsonContentType(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw ApiException.of(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, "the body must be sent as application/json");
        }
    }

    /** Refuses any field not in {@code allowed}. */
    JsonBody allowOnly(Set<String> allowed) {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw ApiException.badRequest(name, "unknown field " + SafeText.quote(name) + "; expected one of "
                    + new TreeSet<>(allowed));
        }
        return this;
    }

    /** Whether the field is present (even as {@code null}). */
    boolean has(String name) {
        return root.has(name);
    }

    @Override
    public Optional<String> text(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(name, name + " must be a string");
        }
        return node.asText().isEmpty() ? Optional.empty() : Optional.of(node.asText());
    }

    /** A string that must be present and not blank. */
    String requiredText(String name) {
        String value = text(name).orElseThrow(() -> ApiException.badRequest(name, name + " is required"));
        if (value.isBlank()) {
            throw ApiException.badRequest(name, name + " must not be blank");
        }
        return value;
    }

    /** A boolean, or empty when absent or {@code null}. */
    Optional<Boolean> bool(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest(name, name + " must be true or false");
        }
        return Optional.of(node.booleanValue());
    }

    /** A whole number within bounds, or empty when absent or {@code null}. */
    Optional<Integer> integer(String name, int min, int max) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw ApiException.badRequest(name, name + " must be a whole number between " + min + " and " + max);
        }
        return Optional.of(node.intValue());
    }

    /** An array of strings, or empty when absent or {@code null}. */
    Optional<List<String>> textList(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw ApiException.badRequest(name, name + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw ApiException.badRequest(name, name + " must be an array of strings");
            }
            values.add(element.asText());
        }
        return Optional.of(values);
    }
}
