package io.crvs.http.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.Verification;
import io.crvs.core.port.out.SignedMessage;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.keys.KeySettings;
import io.crvs.http.keys.SenderKeyCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A client's mistake never throws: seeded random mutations of every valid interop vector's signature (member or
 * HTTP header) and body always come back as a verdict, and a mutated signature is never accepted unless every
 * signed parameter is unchanged.
 */
class VerifierRobustnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "\"=,.|: \\\t\nAZaz09+/-_é😀\u0000";

    @Test
    void givenRandomlyMutatedSignaturesAndBodies_verify_alwaysAnswersWithAVerdict() throws IOException {
        Random random = new Random(20260101L);
        int verdicts = 0;
        for (JsonNode entry : JSON.readTree(InteropFolder.bytes("vectors.json")).get("vectors")) {
            if (!entry.get("expected").get("outcome").asText().equals("valid")) {
                continue;
            }
            Fixture f = new Fixture(entry);
            for (int i = 0; i < 25; i++) {
                f.verifyMutatedSignature(random);
                f.verifyMutatedBody(random);
                verdicts += 2;
            }
        }
        assertThat(verdicts).isGreaterThan(1900);
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> b.setLength(at);
                default -> {
                    if (b.length() > 0) {
                        b.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
            }
        }
        return b.toString();
    }

    private static final class Fixture {
        final Sender sender;
        final ProfileSignatureVerifier verifier;
        final byte[] body;
        final Optional<String> header;
        final Instant now;

        Fixture(JsonNode entry) {
            now = Instant.ofEpochSecond(entry.get("verify_at").asLong());
            String url = "https://keys.test/" + entry.get("id").asText();
            sender = Sender.register(entry.get("sender_id").asText(), null, url,
                    SignatureProfile.parse(entry.get("profile").asText()), Set.of());
            String jwks = InteropFolder.text(entry.get("jwks").asText());
            SenderKeyCache cache = new SenderKeyCache(s -> new SenderKeys(jwks, url, now),
                    new InMemorySenderRegistry(), KeySettings.defaults(), InstantSource.fixed(now), Runnable::run);
            verifier = new ProfileSignatureVerifier(cache, SignatureSettings.defaults());
            body = InteropFolder.bytes(entry.get("file").asText());
            header = Optional.ofNullable(entry.get("http_headers").get("Signature")).map(JsonNode::asText);
        }

        void verifyMutatedSignature(Random random) throws IOException {
            if (header.isPresent()) {
                String mutated = mutate(header.get(), random);
                Verification v = verifier.verify(sender, TestMessages.raw(body, mutated), now);
                assertThat(v).isNotNull();
                if (v instanceof Verification.Verified) {
                    assertThat(mutated.strip()).isEqualTo(header.get());
                }
                return;
            }
            ObjectNode root = (ObjectNode) EnvelopeJson.parse(body);
            String original = root.get("signature").asText();
            String mutated = mutate(original, random);
            root.put("signature", mutated);
            byte[] changed = EnvelopeJson.MAPPER.writeValueAsBytes(root);
            Verification v = verifier.verify(sender, TestMessages.raw(changed, null), now);
            assertThat(v).isNotNull();
            if (v instanceof Verification.Verified && !mutated.strip().equals(original)) {
                // only a change that leaves every signed parameter as it was may pass (spacing, an unknown or
                // informational parameter such as namespace)
                assertThat(sender.profile()).isEqualTo(SignatureProfile.DCI_CAVAGE_ED25519);
                assertThat(signedParameters(mutated)).isEqualTo(signedParameters(original));
            }
        }

        void verifyMutatedBody(Random random) {
            byte[] changed = mutate(new String(body, StandardCharsets.UTF_8), random).getBytes(StandardCharsets.UTF_8);
            SignedMessage message;
            try {
                message = TestMessages.raw(changed, header.orElse(null));
            } catch (RuntimeException notAnEnvelope) { // not JSON: only the detached profile looks at raw bytes
                message = new RawBody(changed, header);
            }
            assertThat(verifier.verify(sender, message, now)).isNotNull();
        }
    }

    private static CavageSignature signedParameters(String value) {
        try {
            CavageSignature s = CavageSignatureParser.parse(value);
            return new CavageSignature(s.kidId(), s.algorithm(), s.created(), s.expires(), s.signature(), null);
        } catch (MalformedSignatureException e) {
            throw new AssertionError("accepted a signature the parser refuses", e);
        }
    }

    private record RawBody(byte[] rawBody, Optional<String> signatureHeader) implements SignedMessage {
        @Override
        public String senderId() {
            return "";
        }

        @Override
        public Optional<String> signatureMember() {
            return Optional.empty();
        }
    }
}
