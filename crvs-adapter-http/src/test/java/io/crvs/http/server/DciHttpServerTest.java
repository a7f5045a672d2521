package io.crvs.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.domain.VitalEventType;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Accepted requests through the real server: notify, duplicates, callbacks, aliases, JWKS, health. */
class DciHttpServerTest {

    private final StubVerifier verifier = new StubVerifier();
    private ServerFixture fx;

    @BeforeEach
    void start() {
        fx = new ServerFixture(verifier, ServerFixture.testConfig());
        fx.register(ServerFixture.SENDER, SignatureProfile.DCI_CAVAGE_ED25519);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void givenSignedBirth_postNotify_acks202AndStoresTheEventAndTheRawBytes() {
        String body = TestEnvelopes.birth("1");

        ServerFixture.Response r = fx.post("/registry/notify", body);

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.ackStatus()).isEqualTo("ACK");
        assertThat(r.correlationId()).isEqualTo("corr-1");
        assertThat(r.json().path("message").path("timestamp").asText()).isEqualTo("2026-01-01T00:00:10.000+00:00");
        assertThat(r.json().path("message").has("error")).isFalse();
        ReceivedMessage stored = fx.store.findMessage(ServerFixture.SENDER, "msg-1").orElseThrow();
        assertThat(stored.rawBody()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.correlationId()).isEqualTo("corr-1");
        assertThat(stored.action()).isEqualTo("notify");
        assertThat(stored.transactionId()).isEqualTo("txn-1");
        assertThat(stored.profile()).isEqualTo(SignatureProfile.DCI_CAVAGE_ED25519);
        assertThat(stored.receivedAt()).isEqualTo(ServerFixture.NOW);
        List<VitalEvent> events = fx.storedEvents();
        assertThat(events).hasSize(1);
        VitalEvent e = events.get(0);
        assertThat(e.type()).isEqualTo(VitalEventType.BIRTH);
        assertThat(e.referenceId()).isEqualTo("evt-1");
        assertThat(e.details().eventDate()).isEqualTo(LocalDate.of(2025, 12, 28));
        assertThat(e.identifiers()).containsExactly(Identifier.of("BRN", "B-1"));
        assertThat(e.details().person().parentIdentifiers()).containsExactly(Identifier.of("UIN", "U-1"));
        assertThat(fx.observed).containsExactly("received notify crvs.example.gov 1");
    }

    @Test
    void givenUnicodeBodyWithLatin1CharsetParameter_postNotify_readsItAsUtf8() {
        String body = TestEnvelopes.notify("u", StubVerifier.VALID, TestEnvelopes.BIRTH_ITEM.formatted("u", "u")
                .replace("Nova", "Zoë 李明 😀"));

        ServerFixture.Response r = fx.post("/registry/notify", body, "Content-Type",
                "application/json; charset=ISO-8859-1");

        assertThat(r.status()).isEqualTo(202);
        assertThat(fx.storedEvents().get(0).details().person().name().givenName()).isEqualTo("Zoë 李明 😀");
    }

    @Test
    void givenSecondDeliveryOfTheSameMessage_postNotify_acksWithTheFirstCorrelationIdAndStoresNothingMore() {
        String body = TestEnvelopes.birth("2");
        String first = fx.post("/registry/notify", body).correlationId();

        ServerFixture.Response again = fx.post("/registry/notify", body);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.ackStatus()).isEqualTo("ACK");
        assertThat(again.correlationId()).isEqualTo(first);
        assertThat(fx.storedEvents()).hasSize(1);
        assertThat(fx.observed).containsExactly("received notify crvs.example.gov 1",
                "duplicate notify crvs.example.gov");
    }

    @Test
    void givenSeveralItemsInSeveralShapes_postNotify_storesEveryEventInOrder() {
        String death = "{\"reference_id\":\"d-1\",\"data\":{\"reg_event_type\":\"Death\",\"reg_records\":"
                + "{\"identifier\":{\"identifier_type\":\"UIN\",\"identifier_value\":\"U-7\"},"
                + "\"death_date\":\"2025-12-27T05:00:00+05:30\"}}}";
        String divorce = "{\"reference_id\":\"v-1\",\"data\":{\"reg_event_type\":\"DIVORCE\",\"reg_records\":"
                + "{\"identifier\":[{\"type\":\"MRN\",\"value\":\"M-1\"}],\"divorce_date\":[\"2025-12-18\"]}}}";

        ServerFixture.Response r = fx.post("/registry/notify", TestEnvelopes.notify("3", StubVerifier.VALID,
                TestEnvelopes.BIRTH_ITEM.formatted("3", "3"), death, divorce));

        assertThat(r.status()).isEqualTo(202);
        assertThat(fx.storedEvents()).extracting(VitalEvent::type)
                .containsExactly(VitalEventType.BIRTH, VitalEventType.DEATH, VitalEventType.DIVORCE);
        assertThat(fx.storedEvents()).extracting(e -> e.details().eventDate()).containsExactly(
                LocalDate.of(2025, 12, 28), LocalDate.of(2025, 12, 27), LocalDate.of(2025, 12, 18));
    }

    @Test
    void givenFlatOpenSppMessage_postNotify_storesItWithEveryIdentifier() {
        String body = TestEnvelopes.envelope(StubVerifier.VALID, TestEnvelopes.header("flat-1", "notify",
                ServerFixture.SENDER), "{\"event_type\":\"DEATH\",\"event_date\":\"2025-12-30\",\"identifiers\":"
                + "[{\"type\":\"UIN\",\"value\":\"UIN-1\"},{\"type\":\"DRN\",\"value\":\"D-1\"}],\"person\":{}}");

        assertThat(fx.post("/registry/notify", body).status()).isEqualTo(202);

        assertThat(fx.storedEvents()).singleElement().satisfies(e -> assertThat(e.identifiers())
                .containsExactly(Identifier.of("UIN", "UIN-1"), Identifier.of("DRN", "D-1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/crvs/notify", "/registry/notify"})
    void givenDefaultAlias_postNotify_isServedUnderEachBasePath(String path) {
        assertThat(fx.post(path, TestEnvelopes.birth("alias")).status()).isEqualTo(202);
    }

    @ParameterizedTest
    @CsvSource({"/registry/on-search, on-search", "/registry/on-subscribe, on-subscribe",
            "/registry/on-unsubscribe, on-unsubscribe", "/registry/txn/on-status, txn-on-status",
            "/crvs/txn/on-status, txn/on-status", "/registry/on-search, ON_SEARCH"})
    void givenSignedCallback_post_acksAndStoresTheRawMessageWithoutEvents(String path, String action) {
        String body = TestEnvelopes.callback("cb", action);

        ServerFixture.Response r = fx.post(path, body);

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.ackStatus()).isEqualTo("ACK");
        ReceivedMessage stored = fx.store.findMessage(ServerFixture.SENDER, "cb-cb").orElseThrow();
        assertThat(stored.rawBody()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.correlationId()).isEqualTo(r.correlationId());
        assertThat(fx.storedEvents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json;charset=utf-8", "APPLICATION/JSON",
            "application/dci+json", "application/json; profile=\"x\""})
    void givenJsonContentTypes_postNotify_accepts(String contentType) {
        assertThat(fx.post("/registry/notify", TestEnvelopes.birth("ct"), "Content-Type", contentType).status())
                .isEqualTo(202);
    }

    @Test
    void givenNoContentType_postNotify_acceptsTheJsonBody() {
        HttpRequest request = HttpRequest.newBuilder(fx.uri("/registry/notify"))
                .POST(HttpRequest.BodyPublishers.ofString(TestEnvelopes.birth("noct"))).build();

        assertThat(request.headers().firstValue("Content-Type")).isEmpty();
        assertThat(fx.send(request).status()).isEqualTo(202);
    }

    @Test
    void givenSignatureHttpHeader_postNotify_handsItToTheVerifierAndNeverRunsOnAnIoThread() {
        String body = TestEnvelopes.notify("hdr", null, TestEnvelopes.BIRTH_ITEM.formatted("hdr", "hdr"));

        ServerFixture.Response r = fx.post("/registry/notify", body, "Content-Type", "application/json",
                "Signature", StubVerifier.VALID);

        assertThat(r.status()).isEqualTo(202);
        assertThat(verifier.lastMessage.signatureHeader()).contains(StubVerifier.VALID);
        assertThat(verifier.lastMessage.signatureMember()).isEmpty();
        assertThat(verifier.lastNow).isEqualTo(ServerFixture.NOW);
        assertThat(verifier.lastThread).doesNotContain("I/O");
    }

    @Test
    void getJwks_servesOurKeys() {
        ServerFixture.Response r = fx.get("/.well-known/jwks.json");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.json().path("keys").get(0).path("kid").asText()).isEqualTo("ours");
    }

    @Test
    void givenNoJwksConfigured_getJwks_servesAnEmptyKeySet() {
        try (ServerFixture plain = new ServerFixture(verifier, ServerFixture.testConfig(), b -> b)) {
            ServerFixture.Response r = plain.get("/.well-known/jwks.json");

            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"keys\":[]}");
        }
    }

    @Test
    void getHealth_answersUp() {
        ServerFixture.Response r = fx.get("/health");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("UP");
    }
}
