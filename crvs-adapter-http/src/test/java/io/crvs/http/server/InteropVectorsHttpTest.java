package io.crvs.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.DciErrorCode;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.out.KeyFetcher;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.keys.KeySettings;
import io.crvs.http.keys.SenderKeyCache;
import io.crvs.http.signature.ProfileSignatureVerifier;
import io.crvs.http.signature.SignatureSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of the shared interop manifest ({@code vectors.json}) POSTed byte for byte, with its HTTP headers,
 * through the real server and the real {@link ProfileSignatureVerifier}, the clock at the entry's
 * {@code verify_at} and a fresh store per entry (boundary entries share a file and its message id). The
 * senders' JWKS are their stored last good keys in the sender registry (and the offline key fetcher serves the
 * same files), so nothing touches the network.
 *
 * <p>Valid entries must be acknowledged (202 ACK) and the manifest's facts found in the stored message and
 * events; rejected ones must get the expected status and DCI code, a reason the manifest accepts, and store
 * nothing.
 */
class InteropVectorsHttpTest {

    private static Path interopDir() {
        Path dir = Path.of(System.getProperty("crvs.interop.dir", "../../shared/interop"));
        assertThat(dir.resolve("vectors.json")).as("interop folder (set -Dcrvs.interop.dir)").isRegularFile();
        return dir;
    }

    private static byte[] read(String relative) {
        try {
            return Files.readAllBytes(interopDir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode manifest() throws IOException {
        return EnvelopeJson.MAPPER.readTree(read("vectors.json"));
    }

    @Test
    void manifest_holdsEveryVectorOfTheReadme() throws IOException {
        assertThat(manifest().get("vectors").size()).isEqualTo(95);
    }

    @TestFactory
    Stream<DynamicTest> givenEachInteropVector_postThroughTheServer_answersAsTheManifestSays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : manifest().get("vectors")) {
            tests.add(DynamicTest.dynamicTest(entry.get("id").asText(), () -> run(entry)));
        }
        return tests.stream();
    }

    private static void run(JsonNode entry) {
        Instant verifyAt = Instant.ofEpochSecond(entry.get("verify_at").asLong());
        Map<String, String> jwksByUrl = new HashMap<>();
        try (ServerFixture fx = new ServerFixture(f -> verifier(f, jwksByUrl), ServerFixture.testConfig()
                .withMaxBodyBytes(DciServerConfig.DEFAULT_MAX_BODY_BYTES), b -> b)) {
            fx.clock.set(verifyAt);
            register(fx, jwksByUrl, entry.get("sender_id").asText(), entry.get("profile").asText(),
                    entry.get("jwks").asText(), verifyAt);
            for (JsonNode extra : entry.path("extra_senders")) {
                register(fx, jwksByUrl, extra.get("sender_id").asText(), extra.get("profile").asText(),
                        extra.get("jwks").asText(), verifyAt);
            }
            byte[] body = read(entry.get("file").asText());
            HttpRequest.Builder request = HttpRequest.newBuilder(fx.uri("/registry/notify"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            entry.get("http_headers").properties().forEach(h -> request.header(h.getKey(), h.getValue().asText()));

            ServerFixture.Response response = fx.send(request.build());

            if (entry.get("expected").get("outcome").asText().equals("valid")) {
                assertAccepted(fx, entry, body, response);
            } else {
                assertRejected(fx, entry, body, response);
            }
        }
    }

    private static ProfileSignatureVerifier verifier(ServerFixture fx, Map<String, String> jwksByUrl) {
        KeyFetcher offline = sender -> new SenderKeys(jwksByUrl.get(sender.jwksUrl()), sender.jwksUrl(),
                fx.clock.instant());
        SenderKeyCache keys = new SenderKeyCache(offline, fx.senders, KeySettings.defaults(), fx.clock, Runnable::run);
        return new ProfileSignatureVerifier(keys, new SignatureSettings(Duration.ofSeconds(60),
                SignatureSettings.DEFAULT_MAX_VALIDITY));
    }

    private static void register(ServerFixture fx, Map<String, String> jwksByUrl, String senderId, String profile,
                                 String jwksFile, Instant at) {
        String url = "https://" + senderId + "/.well-known/jwks.json";
        String jwks = new String(read(jwksFile), StandardCharsets.UTF_8);
        jwksByUrl.put(url, jwks);
        fx.senders.save(Sender.register(senderId, senderId, url, SignatureProfile.parse(profile), Set.of())
                .withKeys(new SenderKeys(jwks, url, at)));
    }

    private static void assertAccepted(ServerFixture fx, JsonNode entry, byte[] body, ServerFixture.Response r) {
        assertThat(r.status()).as("status").isEqualTo(202);
        assertThat(r.ackStatus()).isEqualTo("ACK");
        JsonNode facts = entry.get("facts");
        ReceivedMessage message = fx.store.findMessage(entry.get("sender_id").asText(),
                facts.get("message_id").asText()).orElseThrow();
        assertThat(message.correlationId()).isEqualTo(r.correlationId());
        assertThat(message.rawBody()).as("raw bytes kept").isEqualTo(body);
        assertThat(message.transactionId()).isEqualTo(facts.get("transaction_id").isNull() ? null
                : facts.get("transaction_id").asText());
        assertThat(message.profile()).isEqualTo(SignatureProfile.parse(entry.get("profile").asText()));
        List<VitalEvent> events = fx.storedEvents();
        JsonNode expected = facts.get("events");
        assertThat(events).as("events").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEvent(events.get(i), expected.get(i), i);
        }
    }

    private static void assertEvent(VitalEvent event, JsonNode fact, int index) {
        String type = fact.get("event_type").asText();
        assertThat(event.details().itemIndex()).isEqualTo(index);
        assertThat(event.type().name()).isEqualTo(type.equals("LIVE_BIRTH") ? "BIRTH" : type);
        assertThat(event.referenceId()).isEqualTo(fact.get("reference_id").isNull() ? null
                : fact.get("reference_id").asText());
        assertThat(event.details().eventDate()).isEqualTo(LocalDate.parse(fact.get("event_date").asText()));
        assertThat(event.identifiers()).isEqualTo(identifiers(fact.get("identifiers")));
        assertThat(event.details().person().parentIdentifiers()).isEqualTo(identifiers(fact.get("parent_identifiers")));
        if (fact.has("given_name")) {
            assertThat(event.details().person().name().givenName()).isEqualTo(fact.get("given_name").asText());
        }
        if (fact.has("surname")) {
            assertThat(event.details().person().name().surname()).isEqualTo(fact.get("surname").asText());
        }
    }

    private static List<Identifier> identifiers(JsonNode list) {
        List<Identifier> out = new ArrayList<>();
        list.forEach(i -> out.add(Identifier.of(i.get("type").asText(), i.get("value").asText())));
        return out;
    }

    private static void assertRejected(ServerFixture fx, JsonNode entry, byte[] body, ServerFixture.Response r) {
        JsonNode expected = entry.get("expected");
        String code = expected.get("error_code").asText();
        int status = Arrays.stream(DciErrorCode.values()).filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow().httpStatus();
        assertThat(r.status()).as("status").isEqualTo(status);
        assertThat(r.ackStatus()).isEqualTo("ERR");
        assertThat(r.errorCode()).as("DCI error code").isEqualTo(code);
        List<String> reasons = new ArrayList<>(List.of(expected.get("reason").asText()));
        expected.path("also_acceptable_reasons").forEach(a -> reasons.add(a.asText()));
        assertThat(fx.observed).as("reported reason").singleElement()
                .satisfies(o -> assertThat(reasons.stream().map(x -> "rejected " + x + " " + status)).contains(o));
        assertThat(fx.storedEvents()).as("no event stored").isEmpty();
        String messageId = messageIdOf(body);
        if (messageId != null) {
            assertThat(fx.store.findMessage(entry.get("sender_id").asText(), messageId)).as("no message stored")
                    .isEmpty();
        }
    }

    /** {@code header.message_id} of a body, or {@code null} when the body is not JSON or has no header. */
    private static String messageIdOf(byte[] body) {
        try {
            JsonNode id = EnvelopeJson.parse(body).path("header").path("message_id");
            return id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
