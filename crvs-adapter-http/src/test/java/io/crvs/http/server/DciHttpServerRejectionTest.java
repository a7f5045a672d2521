package io.crvs.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.port.out.KeysUnavailableException;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal through the real server: status, DCI error code, message, and nothing stored. */
class DciHttpServerRejectionTest {

    private static final String NOTIFY = "/registry/notify";

    private final StubVerifier verifier = new StubVerifier();
    private ServerFixture fx;

    @BeforeEach
    void start() {
        fx = new ServerFixture(verifier, ServerFixture.testConfig());
        fx.register(ServerFixture.SENDER, SignatureProfile.JWS_COMPACT);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private void assertErr(ServerFixture.Response r, int status, String code) {
        assertThat(r.status()).as("status").isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.ackStatus()).isEqualTo("ERR");
        assertThat(r.errorCode()).as("error code").isEqualTo(code);
        assertThat(r.correlationId()).isNotBlank();
        assertThat(fx.storedEvents()).as("nothing stored").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"header\":", "not json at all", "", "[1,2]", "\"text\""})
    void givenBodyThatIsNotAJsonObject_post_answers400RequestBad(String body) {
        ServerFixture.Response r = fx.post(NOTIFY, body);

        assertErr(r, 400, "err.request.bad");
        assertThat(fx.observed).containsExactly("rejected malformed_json 400");
    }

    @Test
    void givenNoHeader_post_answers400NamingIt() {
        ServerFixture.Response r = fx.post(NOTIFY, "{\"signature\":\"" + StubVerifier.VALID + "\",\"message\":{}}");

        assertErr(r, 400, "err.request.bad");
        assertThat(r.errorMessage()).contains("header");
        assertThat(fx.observed).containsExactly("rejected missing_header 400");
    }

    @ParameterizedTest
    @ValueSource(strings = {"message_id", "message_ts", "action", "sender_id"})
    void givenRequiredHeaderFieldMissing_post_answers400NamingTheField(String field) {
        String body = TestEnvelopes.birth("h").replaceFirst("\"" + field + "\":\"[^\"]*\",", "");

        ServerFixture.Response r = fx.post(NOTIFY, body);

        assertErr(r, 400, "err.request.bad");
        assertThat(r.errorMessage()).isEqualTo("header." + field + " is missing");
    }

    @Test
    void givenActionOfAnotherEndpoint_post_answers400() {
        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.callback("x", "on-search"));

        assertErr(r, 400, "err.request.bad");
        assertThat(r.errorMessage()).contains("header.action").contains("notify");
        assertThat(fx.store.findMessage(ServerFixture.SENDER, "cb-x")).isEmpty();
    }

    @Test
    void givenNotifyActionOnACallbackEndpoint_post_answers400() {
        assertErr(fx.post("/registry/txn/on-status", TestEnvelopes.birth("cb")), 400, "err.request.bad");
        assertThat(fx.store.findMessage(ServerFixture.SENDER, "msg-cb")).isEmpty();
    }

    @Test
    void givenUnknownSender_post_answers401InvalidSaysUnknownAndDoesNotEchoTheId() {
        String claimed = "attacker-" + "z".repeat(200);
        String body = TestEnvelopes.birth("u").replace(ServerFixture.SENDER, claimed);

        ServerFixture.Response r = fx.post(NOTIFY, body);

        assertErr(r, 401, "err.signature.invalid");
        assertThat(r.errorMessage()).contains("unknown_sender").doesNotContain("zzzz");
        assertThat(fx.observed).containsExactly("rejected unknown_sender 401");
    }

    @Test
    void givenInactiveSender_post_answers401InvalidSaysInactive() {
        fx.senders.save(fx.senders.find(ServerFixture.SENDER).orElseThrow().withActive(false));

        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.birth("i"));

        assertErr(r, 401, "err.signature.invalid");
        assertThat(r.errorMessage()).contains("inactive_sender");
    }

    @Test
    void givenNoSignature_post_answers401Missing() {
        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.notify("m", null,
                TestEnvelopes.BIRTH_ITEM.formatted("m", "m")));

        assertErr(r, 401, "err.signature.missing");
        assertThat(fx.store.findMessage(ServerFixture.SENDER, "msg-m")).isEmpty();
    }

    @Test
    void givenBadSignature_post_answers401InvalidWithTheReason() {
        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.notify("b", "forged",
                TestEnvelopes.BIRTH_ITEM.formatted("b", "b")));

        assertErr(r, 401, "err.signature.invalid");
        assertThat(r.errorMessage()).contains("bad_signature").contains("signature does not verify");
        assertThat(fx.observed).containsExactly("rejected bad_signature 401");
    }

    @Test
    void givenForgedRedeliveryOfAStoredMessageId_post_isRejectedNotAcked() {
        fx.post(NOTIFY, TestEnvelopes.birth("f"));

        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.notify("f", "forged",
                TestEnvelopes.BIRTH_ITEM.formatted("f", "f")));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("err.signature.invalid");
    }

    @Test
    void givenUnknownEventTypeInSecondItem_post_answers400NamingTheItemAndStoresNothing() {
        String bad = TestEnvelopes.BIRTH_ITEM.formatted("q2", "q2").replace("spdci-common:RegistryEventType:LiveBirth",
                "Coronation");

        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.notify("q", StubVerifier.VALID,
                TestEnvelopes.BIRTH_ITEM.formatted("q1", "q1"), bad));

        assertErr(r, 400, "err.request.bad");
        assertThat(r.errorMessage()).startsWith("notify_event[1]: data.reg_event_type");
        assertThat(fx.store.findMessage(ServerFixture.SENDER, "msg-q")).isEmpty();
    }

    @Test
    void givenImpossibleBirthDate_post_answers400WithoutEchoingTheDate() {
        String body = TestEnvelopes.birth("d").replace("2025-12-28T06:15:00+00:00", "2021-02-30");

        ServerFixture.Response r = fx.post(NOTIFY, body);

        assertErr(r, 400, "err.request.bad");
        assertThat(r.errorMessage()).contains("notify_event[0]").contains("birth_date").doesNotContain("2021-02-30");
        assertThat(fx.store.findMessage(ServerFixture.SENDER, "msg-d")).isEmpty();
    }

    @Test
    void givenEncryptedNotify_post_answers400EncryptionInvalid() {
        String body = TestEnvelopes.birth("e").replace("\"total_count\":1", "\"total_count\":1,\"is_msg_encrypted\":true");

        assertErr(fx.post(NOTIFY, body), 400, "err.encryption.invalid");
    }

    @Test
    void givenDeclaredLengthOverTheLimit_post_answers413Json() {
        byte[] body = new byte[16 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        ServerFixture.Response r = fx.post(NOTIFY, body);

        assertErr(r, 413, "err.request.bad");
        assertThat(fx.observed).containsExactly("rejected body_too_large 413");
    }

    @Test
    void givenChunkedBodyGrowingOverTheLimit_post_answers413Json() {
        byte[] body = (TestEnvelopes.birth("big").replace("\"locale\":\"eng\"", "\"pad\":\"" + "p".repeat(20_000)
                + "\",\"locale\":\"eng\"")).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(fx.uri(NOTIFY)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        assertErr(fx.send(request), 413, "err.request.bad");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml",
            "multipart/form-data; boundary=x", "text/json+xml"})
    void givenNonJsonContentType_post_answers415(String contentType) {
        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.birth("ct"), "Content-Type", contentType);

        assertErr(r, 415, "err.request.bad");
    }

    @Test
    void givenWrongMethod_answers405WithAllow() {
        ServerFixture.Response get = fx.get(NOTIFY);
        assertErr(get, 405, "err.request.bad");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");

        ServerFixture.Response post = fx.post("/health", "{}");
        assertErr(post, 405, "err.request.bad");
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/registry/search", "/registry", "/other/notify", "/", "/registry/notify/extra"})
    void givenUnknownPath_answers404Json(String path) {
        assertErr(fx.post(path, TestEnvelopes.birth("nf")), 404, "err.request.not_found");
        assertErr(fx.get(path), 404, "err.request.not_found");
    }

    @Test
    void givenStoreFailingDuringTheWrite_post_answers503WithRetryAfterAndNothingHalfStored() {
        fx.storeFails = true;

        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.birth("s"));

        assertErr(r, 503, "err.service.unavailable");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(fx.store.findMessage(ServerFixture.SENDER, "msg-s")).isEmpty();
        assertThat(fx.observed).containsExactly("rejected store_unavailable 503");

        fx.storeFails = false;
        assertThat(fx.post(NOTIFY, TestEnvelopes.birth("s")).status()).isEqualTo(202);
        assertThat(fx.storedEvents()).hasSize(1);
    }

    @Test
    void givenStoreDownForTheDuplicateCheck_post_answers503() {
        fx.findFails = true;

        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.birth("f"));

        assertErr(r, 503, "err.service.unavailable");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
    }

    @Test
    void givenKeysUnavailable_post_answers503NotARejection() {
        verifier.failure = new KeysUnavailableException("jwks host down beyond the staleness bound", null);

        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.birth("k"));

        assertErr(r, 503, "err.service.unavailable");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(fx.observed).containsExactly("rejected keys_unavailable 503");
    }

    @Test
    void givenUnexpectedBug_post_answers500JsonWithoutInternals() {
        verifier.failure = new IllegalStateException("secret internal detail at db.example:5432");

        ServerFixture.Response r = fx.post(NOTIFY, TestEnvelopes.birth("bug"));

        assertErr(r, 500, "err.service.unavailable");
        assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).doesNotContain("secret")
                .doesNotContain("IllegalState").doesNotContain("5432");
    }
}
