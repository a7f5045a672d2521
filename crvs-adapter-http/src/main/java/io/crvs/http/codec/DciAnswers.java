package io.crvs.http.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Strict output: the synchronous DCI answers (reference §7.5, §9.6), exactly
 * {@code {"message":{"ack_status":"ACK","timestamp":…,"correlation_id":…}}} and, for a rejection,
 * {@code {"message":{"ack_status":"ERR","timestamp":…,"correlation_id":…,"error":{"code":…,"message":…}}}}.
 * Timestamps are UTC with an explicit {@code +00:00} offset and milliseconds; the error message is sanitised and
 * cut to {@link SafeText#MESSAGE_LIMIT} characters (the schema allows 999).
 */
public final class DciAnswers {

    private static final ObjectMapper WRITER = JsonMapper.builder().build();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private DciAnswers() {
    }

    /** The ACK body for an accepted message. */
    public static byte[] ack(String correlationId, Instant timestamp) {
        return write(base("ACK", correlationId, timestamp));
    }

    /**
     * The ERR body.
     *
     * @param code    the DCI {@code Error.code} ({@code err.signature.invalid}, …)
     * @param message a human explanation; must not contain personal data (it is cleaned and shortened here)
     */
    public static byte[] error(String correlationId, Instant timestamp, String code, String message) {
        ObjectNode root = base("ERR", correlationId, timestamp);
        ObjectNode error = ((ObjectNode) root.get("message")).putObject("error");
        error.put("code", Objects.requireNonNull(code, "code"));
        error.put("message", SafeText.clean(message, SafeText.MESSAGE_LIMIT));
        return write(root);
    }

    /** The timestamp form used in every answer ({@code 2026-01-01T00:00:10.000+00:00}). */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static ObjectNode base(String status, String correlationId, Instant timestamp) {
        ObjectNode root = WRITER.createObjectNode();
        ObjectNode message = root.putObject("message");
        message.put("ack_status", status);
        message.put("timestamp", timestamp(Objects.requireNonNull(timestamp, "timestamp")));
        message.put("correlation_id", Objects.requireNonNull(correlationId, "correlationId"));
        return root;
    }

    private static byte[] write(ObjectNode root) {
        try {
            return WRITER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
