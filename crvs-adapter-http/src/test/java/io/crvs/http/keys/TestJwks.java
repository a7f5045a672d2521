package io.crvs.http.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.port.out.SignedMessage;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.signature.InteropFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Test data for key management, built from the shared interop folder. */
final class TestJwks {

    static final String SENDER_ID = "crvs.example.gov";
    /** The cavage sender's current key (first entry of its JWKS); {@code cav-birth} is signed with it. */
    static final String CURRENT_KID = "crvs.example.gov|k-2026-01|ed25519";
    /** The previous key (second entry). */
    static final String PREVIOUS_KID = "crvs.example.gov|k-2025-07|ed25519";
    /** The clock at which {@code cav-birth} verifies. */
    static final Instant VERIFY_AT = Instant.ofEpochSecond(1767225610);

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestJwks() {
    }

    /** The cavage sender's published JWKS (current and previous key). */
    static String bothKeys() {
        return InteropFolder.text("jwks/crvs.example.gov.dci-cavage-ed25519.jwks.json");
    }

    /** The JWKS before the rotation: only the previous key. */
    static String previousKeyOnly() {
        return withEntries(((ArrayNode) tree(bothKeys()).get("keys")).get(1));
    }

    /** A JWKS of the given entries. */
    static String withEntries(Object... entries) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode keys = root.putArray("keys");
        for (Object e : entries) {
            keys.add(e instanceof String s ? node(s) : JSON.valueToTree(e));
        }
        return root.toString();
    }

    /** The current key's JWK entry. */
    static ObjectNode currentKeyEntry() {
        return (ObjectNode) tree(bothKeys()).get("keys").get(0);
    }

    static ObjectNode tree(String json) {
        return (ObjectNode) node(json);
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cavage sender whose JWKS lives at {@code url}. */
    static Sender cavageSender(String url) {
        return Sender.register(SENDER_ID, "CRVS", url, SignatureProfile.DCI_CAVAGE_ED25519, Set.of());
    }

    /** The {@code cav-birth} vector, optionally with its kidId's key part replaced. */
    static SignedMessage cavBirth(String keyPart) {
        String body = InteropFolder.text("vectors/dci-cavage-ed25519/cav-birth.json");
        if (keyPart != null) {
            body = body.replace("|k-2026-01|", "|" + keyPart + "|");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            return EnvelopeJson.envelope(bytes, EnvelopeJson.parse(bytes), Optional.empty()).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
