package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.envelope.ReceivedEnvelope;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.Optional;

/**
 * Codec entry point for a request body: parses it (as UTF-8, numbers exact) into an envelope and validates its
 * header. Lenient about what it may ignore (unknown and JSON-LD members), strict about what the receiver needs.
 */
public final class EnvelopeReader {

    static final int MAX_TRANSACTION_ID_LENGTH = 256;

    private EnvelopeReader() {
    }

    /**
     * @param body            the request body exactly as received; kept unchanged in the result
     * @param signatureHeader the HTTP {@code Signature} header, if any
     * @return the envelope with its validated header
     * @throws EnvelopeFormatException when the body is not a JSON object ({@code malformed_json}), has no header
     *                                 object ({@code missing_header}) or a required header field is unusable
     */
    public static InboundEnvelope read(byte[] body, Optional<String> signatureHeader) {
        JsonNode root;
        try {
            root = EnvelopeJson.parse(body);
        } catch (StreamConstraintsException e) {
            throw new EnvelopeFormatException(EnvelopeFormatException.MALFORMED_JSON,
                    "the body is nested too deeply or has a value too long to read");
        } catch (JsonParseException e) {
            String detail = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? ": " + SafeText.clean(e.getOriginalMessage(), 80) : "";
            throw new EnvelopeFormatException(EnvelopeFormatException.MALFORMED_JSON, "the body is not valid JSON"
                    + detail);
        } catch (IOException e) {
            throw new EnvelopeFormatException(EnvelopeFormatException.MALFORMED_JSON, "the body is not valid JSON");
        }
        ReceivedEnvelope envelope = EnvelopeJson.envelope(body, root, signatureHeader)
                .orElseThrow(() -> new EnvelopeFormatException(EnvelopeFormatException.MALFORMED_JSON,
                        "the body must be a JSON object"));
        DciHeader header = HeaderReader.read(envelope.root().get("header"));
        return new InboundEnvelope(envelope, header, transactionId(envelope.message()));
    }

    private static String transactionId(JsonNode message) {
        String id = JsonFields.nonBlankText(JsonFields.member(message, "transaction_id"), "transaction_id",
                EnvelopeReader::problem);
        if (id != null && id.length() > MAX_TRANSACTION_ID_LENGTH) {
            throw problem("transaction_id", "is longer than " + MAX_TRANSACTION_ID_LENGTH + " characters");
        }
        return id;
    }

    private static EnvelopeFormatException problem(String field, String problem) {
        return new EnvelopeFormatException(EnvelopeFormatException.INVALID_MESSAGE, "message." + field + " " + problem);
    }
}
