package io.crvs.http.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.Verification;
import io.crvs.core.port.out.KeyFetcher;
import io.crvs.core.port.out.SignedMessage;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.envelope.ReceivedEnvelope;
import io.crvs.http.keys.KeySettings;
import io.crvs.http.keys.SenderKeyCache;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of the shared interop manifest through {@link ProfileSignatureVerifier}: sender(s) registered with
 * the entry's profile and JWKS (served by a stub fetcher), clock = {@code verify_at}, future skew 60 s.
 *
 * <p>The two {@code err.request.bad} entries are decided by the envelope codec, not by the verifier; for them
 * this test pins what the verifier must do: over a non-JSON body with a valid detached signature it answers
 * Verified (the raw bytes are checked before any parsing), and an envelope without header never verifies.
 */
class InteropVectorsVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode manifest() throws IOException {
        return JSON.readTree(InteropFolder.bytes("vectors.json"));
    }

    @Test
    void givenManifest_counts_matchTheReadme() throws IOException {
        JsonNode vectors = manifest().get("vectors");
        assertThat(vectors.size()).isEqualTo(95);
        long rejected = 0;
        for (JsonNode v : vectors) {
            rejected += v.get("expected").get("outcome").asText().equals("rejected") ? 1 : 0;
        }
        assertThat(rejected).isEqualTo(56);
    }

    @TestFactory
    Stream<DynamicTest> givenEachInteropVector_verify_givesTheExpectedVerdict() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : manifest().get("vectors")) {
            tests.add(DynamicTest.dynamicTest(entry.get("id").asText(), () -> check(entry)));
        }
        return tests.stream();
    }

    private static void check(JsonNode entry) throws IOException {
        byte[] body = InteropFolder.bytes(entry.get("file").asText());
        assertThat(InteropFolder.sha256(body)).as("sha256 of " + entry.get("file").asText())
                .isEqualTo(entry.get("sha256").asText());
        Instant now = Instant.ofEpochSecond(entry.get("verify_at").asLong());

        Map<String, Sender> senders = new HashMap<>();
        Map<String, String> documents = new HashMap<>();
        register(senders, documents, entry.get("sender_id").asText(), entry.get("profile").asText(),
                entry.get("jwks").asText());
        if (entry.has("extra_senders")) {
            for (JsonNode extra : entry.get("extra_senders")) {
                register(senders, documents, extra.get("sender_id").asText(), extra.get("profile").asText(),
                        extra.get("jwks").asText());
            }
        }
        InstantSource clock = InstantSource.fixed(now);
        KeyFetcher stub = s -> new SenderKeys(documents.get(s.jwksUrl()), s.jwksUrl(), clock.instant());
        InMemorySenderRegistry registry = new InMemorySenderRegistry();
        senders.values().forEach(registry::save);
        SenderKeyCache cache = new SenderKeyCache(stub, registry, KeySettings.defaults(), clock, Runnable::run);
        ProfileSignatureVerifier verifier = new ProfileSignatureVerifier(cache,
                new SignatureSettings(Duration.ofSeconds(60), SignatureSettings.DEFAULT_MAX_VALIDITY));

        Optional<String> signatureHeader = Optional.ofNullable(entry.get("http_headers").get("Signature"))
                .map(JsonNode::asText);
        Sender sender = senders.get(entry.get("sender_id").asText());
        JsonNode expected = entry.get("expected");
        String errorCode = expected.path("error_code").asText();

        if (errorCode.equals("err.request.bad")) {
            checkRequestBad(verifier, sender, body, signatureHeader, now, expected.get("reason").asText());
            return;
        }
        ReceivedEnvelope envelope = EnvelopeJson.envelope(body, EnvelopeJson.parse(body),
                signatureHeader).orElseThrow();
        Verification verdict = verifier.verify(sender, envelope, now);
        if (expected.get("outcome").asText().equals("valid")) {
            assertThat(verdict).isInstanceOf(Verification.Verified.class);
            assertThat(((Verification.Verified) verdict).keyId()).isNotBlank();
        } else {
            assertThat(verdict).isInstanceOf(Verification.Rejected.class);
            Verification.Rejected rejected = (Verification.Rejected) verdict;
            List<String> reasons = new ArrayList<>();
            reasons.add(expected.get("reason").asText());
            expected.path("also_acceptable_reasons").forEach(r -> reasons.add(r.asText()));
            assertThat(rejected.code().code()).isEqualTo(errorCode);
            assertThat(rejected.reason().code()).isIn(reasons);
            assertThat(rejected.detail()).isNotBlank();
        }
    }

    private static void checkRequestBad(ProfileSignatureVerifier verifier, Sender sender, byte[] body,
                                        Optional<String> signatureHeader, Instant now, String reason)
            throws IOException {
        if (reason.equals("malformed_json")) {
            assertThatThrownBy(() -> EnvelopeJson.parse(body)).isInstanceOf(IOException.class);
            assertThat(sender.profile()).isEqualTo(SignatureProfile.JWS_DETACHED_HEADER);
            assertThat(verifier.verify(sender, new RawMessage(body, signatureHeader), now))
                    .isInstanceOf(Verification.Verified.class);
        } else {
            assertThat(reason).isEqualTo("missing_header");
            ReceivedEnvelope envelope = new ReceivedEnvelope(body, (ObjectNode) EnvelopeJson.parse(body),
                    signatureHeader);
            assertThat(envelope.header()).isNull();
            assertThat(verifier.verify(sender, envelope, now)).isInstanceOf(Verification.Rejected.class);
        }
    }

    private static void register(Map<String, Sender> senders, Map<String, String> documents, String senderId,
                                 String profile, String jwksFile) {
        String url = "https://" + senderId + "/.well-known/jwks.json";
        senders.put(senderId, Sender.register(senderId, senderId, url, SignatureProfile.parse(profile), Set.of()));
        documents.put(url, InteropFolder.text(jwksFile));
    }

    /** A body that is not a JSON envelope, as the HTTP layer would hand it over. */
    private record RawMessage(byte[] rawBody, Optional<String> signatureHeader) implements SignedMessage {
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
