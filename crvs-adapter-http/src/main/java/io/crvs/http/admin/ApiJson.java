package io.crvs.http.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.crvs.http.envelope.EnvelopeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The admin API's JSON configuration and small building helpers: strict reading of request bodies (duplicate
 * keys and trailing tokens refused, bounded sizes) and null-tolerant writing of dates and times (ISO-8601).
 */
final class ApiJson {

    /** Thread-safe, shared. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(50).maxNumberLength(100).maxStringLength(JsonBody.MAX_BYTES).build());
    }

    private ApiJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void put(ObjectNode node, String name, Instant value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value.toString());
        }
    }

    static void put(ObjectNode node, String name, LocalDate value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value.toString());
        }
    }

    /**
     * Stored raw data for display: the parsed JSON when it is JSON (numbers kept exact), else the text itself.
     */
    static JsonNode raw(byte[] bytes) {
        try {
            return EnvelopeJson.parse(bytes);
        } catch (IOException e) { // not JSON (or too deep): shown as received, as text
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** Whether stored raw data parses as JSON (as every accepted envelope does). */
    static boolean isJson(byte[] bytes) {
        try {
            EnvelopeJson.parse(bytes);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Like {@link #raw(byte[])} for stored text. */
    static JsonNode raw(String text) {
        return text == null ? MAPPER.nullNode() : raw(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
