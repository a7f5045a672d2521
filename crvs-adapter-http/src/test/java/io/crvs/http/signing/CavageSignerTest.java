package io.crvs.http.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.Verification;
import io.crvs.core.port.out.KeyFetcher;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.envelope.ReceivedEnvelope;
import io.crvs.http.keys.KeySettings;
import io.crvs.http.keys.SenderKeyCache;
import io.crvs.http.signature.ProfileSignatureVerifier;
import io.crvs.http.signature.SignatureSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Our signer's output verifies with our own cavage verifier, and any change to the signed content breaks it. */
class CavageSignerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final Ed25519SigningKey key = Ed25519SigningKey.generate("demo.crvs|k1|ed25519");
    private final InMemorySenderRegistry registry = new InMemorySenderRegistry();
    private final ProfileSignatureVerifier verifier;
    private final Sender sender;

    CavageSignerTest() {
        registry.save(Sender.register("demo.crvs", "Demo", "http://127.0.0.1:9/jwks.json",
                SignatureProfile.DCI_CAVAGE_ED25519, Set.of()));
        registry.saveKeys("demo.crvs", new SenderKeys(key.publicJwks(), "http://127.0.0.1:9/jwks.json", NOW));
        sender = registry.find("demo.crvs").orElseThrow();
        KeyFetcher unreachable = s -> {
            throw new io.crvs.core.port.out.KeyFetchException("offline in this test", null);
        };
        verifier = new ProfileSignatureVerifier(new SenderKeyCache(unreachable, registry, KeySettings.defaults(),
                InstantSource.fixed(NOW), java.util.concurrent.Executors.newSingleThreadExecutor()),
                SignatureSettings.defaults());
    }

    private ReceivedEnvelope received(ObjectNode envelope) throws Exception {
        byte[] body = EnvelopeJson.MAPPER.writeValueAsBytes(envelope);
        return new ReceivedEnvelope(body, (ObjectNode) EnvelopeJson.parse(body), Optional.empty());
    }

    private ObjectNode envelope() {
        ObjectNode header = EnvelopeJson.MAPPER.createObjectNode().put("message_id", "m-1")
                .put("message_ts", "2026-01-01T00:00:00Z").put("action", "notify").put("sender_id", "demo.crvs");
        ObjectNode message = EnvelopeJson.MAPPER.createObjectNode().put("transaction_id", "t-1")
                .put("name", "Zoë 😀").put("ratio", 0.1);
        return new CavageSigner(key).envelope(header, message, NOW, Duration.ofMinutes(5));
    }

    @Test
    void signedEnvelope_verifies() throws Exception {
        assertThat(verifier.verify(sender, received(envelope()), NOW.plusSeconds(10)))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void changedMessage_doesNotVerify() throws Exception {
        ObjectNode env = envelope();
        ((ObjectNode) env.get("message")).put("name", "Zoe");
        Verification v = verifier.verify(sender, received(env), NOW.plusSeconds(10));
        assertThat(v).isInstanceOf(Verification.Rejected.class);
        assertThat(((Verification.Rejected) v).reason().code()).isEqualTo("bad_signature");
    }

    @Test
    void publicJwk_neverContainsThePrivateKey() {
        String seed = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.seed());
        assertThat(key.publicJwks()).doesNotContain(seed).contains("\"kid\":\"demo.crvs|k1|ed25519\"");
    }
}
