package io.crvs.http.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.http.envelope.EnvelopeJson;
import java.io.UncheckedIOException;

/** Writes a received JSON subtree back as text (an item's {@code rawItem}), numbers exact. */
final class RawJson {

    private RawJson() {
    }

    static String write(JsonNode node) {
        try {
            return EnvelopeJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // a parsed tree always serialises; this would be a bug, not a client mistake
            throw new UncheckedIOException(e);
        }
    }
}
