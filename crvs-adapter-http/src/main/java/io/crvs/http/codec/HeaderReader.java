package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * Reads and validates an envelope's {@code header}: {@code message_id}, {@code message_ts}, {@code action} and
 * {@code sender_id} must be non-blank strings; {@code total_count} may be a number or a numeric string; unknown and
 * JSON-LD members are ignored. Every failure is an {@link EnvelopeFormatException} naming the field.
 */
final class HeaderReader {

    static final int MAX_ID_LENGTH = 256;

    private HeaderReader() {
    }

    static DciHeader read(JsonNode headerNode) {
        if (!(headerNode instanceof ObjectNode header)) {
            throw new EnvelopeFormatException(EnvelopeFormatException.MISSING_HEADER,
                    headerNode == null || headerNode.isNull() ? "the envelope has no header"
                            : "header must be a JSON object");
        }
        String messageId = requiredString(header, "message_id", true);
        String messageTs = requiredString(header, "message_ts", false);
        String action = requiredString(header, "action", false);
        String senderId = requiredString(header, "sender_id", true);
        String receiverId = JsonFields.text(JsonFields.member(header, "receiver_id"), "receiver_id",
                HeaderReader::problem);
        return new DciHeader(messageId, messageTs, action, senderId, receiverId, totalCount(header),
                encrypted(header));
    }

    private static String requiredString(ObjectNode header, String field, boolean isId) {
        JsonNode n = JsonFields.member(header, field);
        if (n == null) {
            throw problem(field, "is missing");
        }
        if (!n.isTextual()) {
            throw problem(field, "must be a string");
        }
        String value = n.textValue();
        if (value.isBlank()) {
            throw problem(field, "is blank");
        }
        if (isId && value.length() > MAX_ID_LENGTH) {
            throw problem(field, "is longer than " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    private static Long totalCount(ObjectNode header) {
        JsonNode n = JsonFields.member(header, "total_count");
        if (n == null || (n.isTextual() && n.textValue().isBlank())) {
            return null;
        }
        BigInteger value = null;
        if (n.isIntegralNumber()) {
            value = n.bigIntegerValue();
        } else if (n.isTextual() && n.textValue().strip().matches("\\d{1,18}")) {
            value = new BigInteger(n.textValue().strip());
        }
        if (value == null || value.signum() < 0 || value.bitLength() > 62) {
            throw problem("total_count", "must be a whole number (or a string of digits)");
        }
        return value.longValue();
    }

    private static boolean encrypted(ObjectNode header) {
        JsonNode n = JsonFields.member(header, "is_msg_encrypted");
        return n != null && (n.isBoolean() ? n.booleanValue() : "true".equalsIgnoreCase(n.asText().strip()));
    }

    private static EnvelopeFormatException problem(String field, String problem) {
        return new EnvelopeFormatException(EnvelopeFormatException.INVALID_HEADER, "header." + field + " " + problem);
    }
}
