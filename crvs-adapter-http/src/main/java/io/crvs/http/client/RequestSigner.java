package io.crvs.http.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.http.keystore.KeyStoreException;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.signing.CavageSigner;
import io.crvs.http.signing.Ed25519SigningKey;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Signs our requests with our current key in the profile agreed with a CRVS and returns the body to send:
 * {@code {signature, header, message}}.
 * <ul>
 *   <li>{@code dci-cavage-ed25519}: the OpenSPP parameter string ({@link CavageSigner}), valid for the configured
 *       time;</li>
 *   <li>{@code jws-compact}: a compact JWS (EdDSA, {@code kid} = our key id) whose payload is
 *       {@code {"header":…,"message":…}}, as OpenCRVS verifies it.</li>
 * </ul>
 * The private key is read from the key store for each request and never kept. Thread-safe.
 */
final class RequestSigner {

    private final Supplier<Ed25519SigningKey> keys;
    private final Duration validity;

    RequestSigner(Supplier<Ed25519SigningKey> keys, Duration validity) {
        this.keys = keys;
        this.validity = validity;
    }

    /** @throws CrvsCallException {@code NOT_SUPPORTED} when there is no key to sign with */
    byte[] sign(String crvsId, SignatureProfile profile, ObjectNode header, JsonNode message, Instant now) {
        Ed25519SigningKey key;
        try {
            key = keys.get();
        } catch (KeyStoreException e) {
            throw new CrvsCallException(CrvsCallException.Failure.NOT_SUPPORTED, crvsId, null,
                    "cannot sign a request to CRVS " + crvsId + ": " + e.getMessage(), e);
        }
        ObjectNode envelope;
        if (profile == SignatureProfile.JWS_COMPACT) {
            envelope = EnvelopeJson.MAPPER.createObjectNode();
            envelope.put("signature", jws(key, header, message));
            envelope.set("header", header);
            envelope.set("message", message);
        } else {
            envelope = new CavageSigner(key).envelope(header, message, now, validity);
        }
        return bytes(envelope);
    }

    private static String jws(Ed25519SigningKey key, ObjectNode header, JsonNode message) {
        ObjectNode payload = EnvelopeJson.MAPPER.createObjectNode();
        payload.set("header", header);
        payload.set("message", message);
        String protectedHeader = new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.keyId()).build().toBase64URL()
                .toString();
        String input = protectedHeader + "." + Base64URL.encode(bytes(payload));
        byte[] signature = key.sign(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64URL.encode(signature);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return EnvelopeJson.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
