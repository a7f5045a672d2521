package io.crvs.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsCallException.Failure;
import io.crvs.http.codec.SafeText;
import io.crvs.http.envelope.EnvelopeJson;
import java.io.IOException;
import java.util.Locale;

/**
 * What a CRVS answered on the HTTP exchange of one of our requests (reference §2, §7.5): a signed envelope (the
 * sync search answer), an acknowledgement ({@code ACK}), or a refusal: an {@code ERR} or {@code NACK}
 * acknowledgement, a gateway's {@code {"errors":[{code,message}]}}, or any other 4xx. Messages quote the CRVS only
 * shortened and cleaned.
 */
sealed interface CrvsAnswer {

    /** A full envelope: to be verified before anything in it is used. */
    record Envelope(byte[] body) implements CrvsAnswer {
    }

    /** {@code ack_status: ACK}; the result, if any, comes by callback. */
    record Ack(String correlationId) implements CrvsAnswer {
    }

    /** The request was refused; {@code code} is the CRVS's error code ({@code err.request.bad}, {@code http.403}). */
    record Refusal(String code, String message) implements CrvsAnswer {
        CrvsCallException toException(String crvsId) {
            return new CrvsCallException(Failure.REJECTED, crvsId, code, "CRVS " + crvsId + " refused the request: "
                    + code + (message == null ? "" : " (" + message + ")"), null);
        }
    }

    /**
     * Classifies an HTTP answer.
     *
     * @throws CrvsCallException {@code BAD_RESPONSE} for a 2xx that is none of these
     */
    static CrvsAnswer of(String crvsId, HttpAnswer answer) {
        JsonNode root = parse(answer.body());
        if (root != null && root.isObject() && root.get("header") != null && answer.success()) {
            return new Envelope(answer.body());
        }
        JsonNode ack = root == null ? null : root.path("message").get("ack_status");
        if (ack != null && ack.isTextual()) {
            String status = ack.asText().strip().toUpperCase(Locale.ROOT);
            JsonNode error = root.path("message").path("error");
            if (status.equals("ACK") && answer.success()) {
                return new Ack(text(root.path("message").path("correlation_id"), 256));
            }
            String code = text(error.path("code"), 80);
            return new Refusal(code != null ? code : status.equals("NACK") ? "nack" : "http." + answer.status(),
                    text(error.path("message"), SafeText.MESSAGE_LIMIT));
        }
        JsonNode errors = root == null ? null : root.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            String code = text(errors.get(0).path("code"), 80);
            return new Refusal(code != null ? code : "http." + answer.status(),
                    text(errors.get(0).path("message"), SafeText.MESSAGE_LIMIT));
        }
        if (root != null && root.isObject() && root.get("header") != null) {
            JsonNode header = root.get("header");
            String code = text(header.path("status_reason_code"), 80);
            return new Refusal(code != null ? code : "http." + answer.status(),
                    text(header.path("status_reason_message"), SafeText.MESSAGE_LIMIT));
        }
        if (!answer.success()) {
            return new Refusal("http." + answer.status(), null);
        }
        throw new CrvsCallException(Failure.BAD_RESPONSE, crvsId, "CRVS " + crvsId + " answered HTTP "
                + answer.status() + " with " + (root == null ? "a body that is not JSON" : "JSON that is neither an"
                + " envelope nor an acknowledgement"));
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return EnvelopeJson.parse(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode n, int limit) {
        return n != null && n.isTextual() && !n.asText().isBlank() ? SafeText.clean(n.asText(), limit) : null;
    }
}
