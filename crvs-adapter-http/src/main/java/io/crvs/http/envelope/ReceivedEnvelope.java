package io.crvs.http.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.port.out.SignedMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * A DCI envelope {@code {signature, header, message}} as received over HTTP: the exact request bytes plus the
 * parsed JSON tree, shared by the codec (which reads the business content) and the signature verifiers (which
 * need the header and message as received, or the raw bytes).
 *
 * <p>The tree must be parsed with {@link EnvelopeJson#MAPPER} so that numbers keep their exact textual value
 * (the cavage profile re-serialises them byte for byte).
 *
 * @param rawBody         the request body exactly as received
 * @param root            the parsed body
 * @param signatureHeader the HTTP {@code Signature} header, if any
 */
public record ReceivedEnvelope(byte[] rawBody, ObjectNode root, Optional<String> signatureHeader)
        implements SignedMessage {

    public ReceivedEnvelope {
        Objects.requireNonNull(rawBody, "rawBody");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(signatureHeader, "signatureHeader");
    }

    /** {@code header} member, or {@code null} when absent or not an object. */
    public ObjectNode header() {
        JsonNode h = root.get("header");
        return h instanceof ObjectNode o ? o : null;
    }

    /** {@code message} member (any JSON value), or {@code null} when absent. */
    public JsonNode message() {
        return root.get("message");
    }

    @Override
    public String senderId() {
        ObjectNode h = header();
        JsonNode s = h == null ? null : h.get("sender_id");
        return s != null && s.isTextual() ? s.asText() : "";
    }

    @Override
    public Optional<String> signatureMember() {
        JsonNode s = root.get("signature");
        return s != null && s.isTextual() ? Optional.of(s.asText()) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedEnvelope e && java.util.Arrays.equals(rawBody, e.rawBody) && root.equals(e.root)
                && signatureHeader.equals(e.signatureHeader);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(rawBody);
    }

    @Override
    public String toString() {
        return "ReceivedEnvelope[" + rawBody.length + " bytes]";
    }
}
