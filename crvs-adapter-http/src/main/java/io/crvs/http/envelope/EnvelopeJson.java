package io.crvs.http.envelope;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The one Jackson configuration for received envelopes: numbers kept exact (big integers and big decimals, so
 * re-serialisation reproduces the sender's value), duplicate keys refused (a body whose signed and read values
 * could differ is not accepted), bounded nesting and string sizes.
 */
public final class EnvelopeJson {

    /** Thread-safe, shared. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // a repeated key is refused: which copy was signed and which one is read must never differ
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxNumberLength(1000).maxStringLength(5_000_000).build());
    }

    private EnvelopeJson() {
    }

    /**
     * Parses a request body (always as UTF-8, whatever the charset parameter said).
     *
     * @throws IOException when it is not JSON
     */
    public static JsonNode parse(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** Builds an envelope when the body is a JSON object; empty when it is another JSON value. */
    public static Optional<ReceivedEnvelope> envelope(byte[] body, JsonNode parsed, Optional<String> signatureHeader) {
        return parsed instanceof ObjectNode o ? Optional.of(new ReceivedEnvelope(body, o, signatureHeader))
                : Optional.empty();
    }
}
