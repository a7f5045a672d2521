package io.crvs.http.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.signature.PythonCanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs DCI envelopes in the {@code dci-cavage-ed25519} profile, exactly as OpenSPP's signer does: Ed25519 over
 * {@code (created): c\n(expires): e\ndigest: d}, where d is the base64 SHA-256 of the Python-canonical JSON of
 * {@code {"header": h, "message": m}}. Thread-safe.
 */
public final class CavageSigner {
    private final Ed25519SigningKey key;

    public CavageSigner(Ed25519SigningKey key) {
        this.key = key;
    }

    /**
     * Builds the full envelope {@code {signature, header, message}}.
     *
     * @param created  the signature's creation time
     * @param validity expires - created
     */
    public ObjectNode envelope(ObjectNode header, JsonNode message, Instant created, Duration validity) {
        ObjectNode envelope = EnvelopeJson.MAPPER.createObjectNode();
        envelope.put("signature", signature(header, message, created, validity));
        envelope.set("header", header);
        envelope.set("message", message);
        return envelope;
    }

    /** The {@code signature} member's parameter string for this header and message. */
    public String signature(ObjectNode header, JsonNode message, Instant created, Duration validity) {
        long c = created.getEpochSecond();
        long e = c + validity.toSeconds();
        String digest = Base64.getEncoder().encodeToString(sha256(canonical(header, message)));
        String signingString = "(created): " + c + "\n(expires): " + e + "\ndigest: " + digest;
        String sig = Base64.getEncoder().encodeToString(key.sign(signingString.getBytes(StandardCharsets.UTF_8)));
        return "namespace=\"dci\", kidId=\"" + key.keyId() + "\", algorithm=\"ed25519\", created=\"" + c
                + "\", expires=\"" + e + "\", headers=\"(created) (expires) digest\", signature=\"" + sig + "\"";
    }

    private static byte[] canonical(ObjectNode header, JsonNode message) {
        ObjectNode both = EnvelopeJson.MAPPER.createObjectNode();
        both.set("header", header);
        both.set("message", message);
        try {
            return PythonCanonicalJson.canonicalize(EnvelopeJson.MAPPER.writeValueAsBytes(both));
        } catch (Exception e) { // Jackson's IOException or the canonicaliser's checked exception
            throw new IllegalArgumentException("cannot canonicalise the envelope: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
