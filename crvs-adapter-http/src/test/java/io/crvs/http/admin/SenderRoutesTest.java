package io.crvs.http.admin;

import static io.crvs.http.admin.AdminApiFixture.JWKS_A;
import static io.crvs.http.admin.AdminApiFixture.KEYS_A_FETCHED;
import static io.crvs.http.admin.AdminApiFixture.NOW;
import static io.crvs.http.admin.AdminApiFixture.SENDER_A;
import static io.crvs.http.admin.AdminApiFixture.SENDER_B;
import static io.crvs.http.admin.AdminApiFixture.senderPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Senders through the API: read, create, update, delete, fetch keys now, stored keys; nothing secret shown. */
class SenderRoutesTest {

    private AdminApiFixture f;

    @BeforeEach
    void start() {
        f = new AdminApiFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Sender stored(String id) {
        return f.senders.find(id).orElseThrow();
    }

    @Test
    void list_showsEverySenderWithProfileUrlAlgorithmsFetchStatusNotesAndKeyCount() {
        AdminApiFixture.Response r = f.get("/senders", f.userToken);

        assertThat(r.status()).isEqualTo(200);
        JsonNode items = r.json().get("items");
        assertThat(items).hasSize(2);
        JsonNode a = items.get(0);
        assertThat(a.get("sender_id").asText()).isEqualTo(SENDER_A);
        assertThat(a.get("name").asText()).isEqualTo("Civil registry");
        assertThat(a.get("profile").asText()).isEqualTo("dci-cavage-ed25519");
        assertThat(a.get("jwks_url").asText()).isEqualTo(JWKS_A);
        assertThat(a.get("allowed_algorithms")).isEmpty();
        assertThat(a.get("active").asBoolean()).isTrue();
        assertThat(a.get("last_key_fetch").asText()).isEqualTo(KEYS_A_FETCHED.toString());
        assertThat(a.get("last_key_fetch_error").isNull()).isTrue();
        assertThat(a.get("keys_fetched_at").asText()).isEqualTo(KEYS_A_FETCHED.toString());
        assertThat(a.get("key_count").asInt()).isEqualTo(2);
        assertThat(a.get("notes").asText()).isEqualTo("onboarded 2025");
        assertThat(items.get(1).get("sender_id").asText()).isEqualTo(SENDER_B);
        assertThat(r.body()).as("no key material").doesNotContain("\"x\"").doesNotContain("\"crv\"");
    }

    @Test
    void show_findsASenderWhoseIdHasASlash() {
        AdminApiFixture.Response r = f.get(senderPath(SENDER_B), f.userToken);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("sender_id").asText()).isEqualTo(SENDER_B);
        assertThat(r.json().get("allowed_algorithms").toString()).isEqualTo("[\"RS256\"]");
        assertThat(r.json().get("key_count").asInt()).isZero();
    }

    @Test
    void show_masksCredentialsInAJwksUrl() {
        f.senders.save(Sender.register("legacy", "Legacy", "https://svc:s3cret@legacy.example/jwks.json",
                SignatureProfile.JWS_DETACHED_HEADER, Set.of()));

        AdminApiFixture.Response r = f.get("/senders/legacy", f.adminToken);

        assertThat(r.json().get("jwks_url").asText()).isEqualTo("https://***@legacy.example/jwks.json");
        assertThat(r.body()).doesNotContain("s3cret");
    }

    @Test
    void create_asAdmin_storesTheSender_answersItsLocation_andAudits() {
        AdminApiFixture.Response r = f.post("/senders", f.adminToken, "{\"sender_id\":\"moh.example/crvs\","
                + "\"name\":\"Ministry\",\"jwks_url\":\"https://moh.example/jwks.json\",\"profile\":\"jws-detached-header\","
                + "\"allowed_algorithms\":[\"RS256\",\"PS256\"],\"active\":false,\"notes\":\"pilot\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/api/senders/moh.example%2Fcrvs");
        assertThat(r.json().get("sender_id").asText()).isEqualTo("moh.example/crvs");
        Sender s = stored("moh.example/crvs");
        assertThat(s.name()).isEqualTo("Ministry");
        assertThat(s.jwksUrl()).isEqualTo("https://moh.example/jwks.json");
        assertThat(s.profile()).isEqualTo(SignatureProfile.JWS_DETACHED_HEADER);
        assertThat(s.allowedAlgorithms()).containsExactlyInAnyOrder("RS256", "PS256");
        assertThat(s.active()).isFalse();
        assertThat(s.notes()).isEqualTo("pilot");
        assertThat(s.keys()).isNull();
        assertThat(f.get("/senders/moh.example%2Fcrvs", f.userToken).status()).isEqualTo(200);
        assertThat(f.adminAudit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("sender_create");
            assertThat(a.actor()).isEqualTo("ada.admin");
            assertThat(a.reason()).contains("sender moh.example/crvs");
            assertThat(a.at()).isEqualTo(NOW);
        });
    }

    @Test
    void create_withDefaults_isActiveWithoutAlgorithmRestriction_andNamedAfterItsId() {
        AdminApiFixture.Response r = f.post("/senders", f.adminToken,
                "{\"sender_id\":\"dev-sender\",\"profile\":\"none\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        Sender s = stored("dev-sender");
        assertThat(s.active()).isTrue();
        assertThat(s.allowedAlgorithms()).isEmpty();
        assertThat(s.name()).isEqualTo("dev-sender");
        assertThat(s.jwksUrl()).isNull();
    }

    @Test
    void create_ofAnExistingSender_isAConflict_andChangesNothing() {
        AdminApiFixture.State before = f.state();

        AdminApiFixture.Response r = f.post("/senders", f.adminToken, "{\"sender_id\":\"" + SENDER_A
                + "\",\"profile\":\"none\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("conflict");
        assertThat(f.state()).isEqualTo(before);
    }

    @Test
    void update_replacesOnlyTheGivenFields_keepsTheStoredKeys_andAudits() {
        Sender before = stored(SENDER_A);

        AdminApiFixture.Response r = f.send("PUT", senderPath(SENDER_A), f.adminToken,
                "{\"name\":\"Renamed\",\"active\":false,\"allowed_algorithms\":[\"EdDSA\"],"
                        + "\"jwks_url\":\"https://keys.crvs.example.gov/jwks.json\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("Renamed");
        Sender after = stored(SENDER_A);
        assertThat(after.name()).isEqualTo("Renamed");
        assertThat(after.active()).isFalse();
        assertThat(after.allowedAlgorithms()).containsExactly("EdDSA");
        assertThat(after.jwksUrl()).isEqualTo("https://keys.crvs.example.gov/jwks.json");
        assertThat(after.profile()).isEqualTo(before.profile());
        assertThat(after.notes()).isEqualTo(before.notes());
        assertThat(after.keys()).isEqualTo(before.keys());
        assertThat(after.lastKeyFetch()).isEqualTo(before.lastKeyFetch());
        assertThat(f.adminAudit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("sender_update");
            assertThat(a.reason()).contains("sender " + SENDER_A);
        });
    }

    @Test
    void update_canClearNotes_butNotChangeTheId() {
        AdminApiFixture.Response cleared = f.send("PUT", senderPath(SENDER_A), f.adminToken, "{\"notes\":null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(stored(SENDER_A).notes()).isNull();

        AdminApiFixture.State before = f.state();
        AdminApiFixture.Response renamed = f.send("PUT", senderPath(SENDER_A), f.adminToken,
                "{\"sender_id\":\"other\"}");
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.errorCode()).isEqualTo("bad_request");
        assertThat(renamed.errorField()).isEqualTo("sender_id");
        assertThat(f.state()).isEqualTo(before);
    }

    @Test
    void delete_removesTheSender_keepsItsEvents_andAudits() {
        AdminApiFixture.Response r = f.send("DELETE", senderPath(SENDER_B), f.adminToken, null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().toString()).isEqualTo("{\"sender_id\":\"" + SENDER_B + "\",\"deleted\":true}");
        assertThat(f.senders.find(SENDER_B)).isEmpty();
        AdminApiFixture.Response events = f.get("/events?sender=" + URLEncoder.encode(SENDER_B,
                StandardCharsets.UTF_8), f.userToken);
        assertThat(events.json().get("total").asInt()).isEqualTo(2);
        assertThat(f.adminAudit).singleElement().satisfies(a -> assertThat(a.action()).isEqualTo("sender_delete"));
        AdminApiFixture.Response again = f.send("DELETE", senderPath(SENDER_B), f.adminToken, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("not_found");
    }

    @Test
    void unknownSender_isNotFound_onEveryRoute_andNothingChanges() {
        AdminApiFixture.State before = f.state();
        List<AdminApiFixture.Response> answers = new ArrayList<>();
        answers.add(f.get("/senders/nobody", f.adminToken));
        answers.add(f.get("/senders/nobody/keys", f.adminToken));
        answers.add(f.send("PUT", "/senders/nobody", f.adminToken, "{\"name\":\"x\"}"));
        answers.add(f.send("DELETE", "/senders/nobody", f.adminToken, null));
        answers.add(f.post("/senders/nobody/fetch-keys", f.adminToken, null));

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("not_found");
        });
        assertThat(f.state()).isEqualTo(before);
    }

    @Test
    void fetchKeys_success_returnsEachKey_storesTheDocument_andAudits() {
        AdminApiFixture.Response r = f.post(senderPath(SENDER_A) + "/fetch-keys", f.adminToken, null);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode summary = r.json();
        assertThat(summary.get("sender_id").asText()).isEqualTo(SENDER_A);
        assertThat(summary.get("source_url").asText()).isEqualTo(JWKS_A);
        assertThat(summary.get("fetched_at").asText()).isEqualTo(NOW.toString());
        List<String> keys = new ArrayList<>();
        summary.get("keys").forEach(k -> keys.add(k.get("kid").asText() + " " + k.get("kty").asText() + " "
                + k.get("alg").asText() + " " + k.get("use").asText()));
        assertThat(keys).containsExactly(AdminTestKeys.KID_NEW + " EC ES256 sig",
                AdminTestKeys.KID_CURRENT + " EC ES256 sig", AdminTestKeys.KID_PREVIOUS + " EC null null");
        assertThat(r.body()).doesNotContain("\"x\"");
        assertThat(stored(SENDER_A).keys()).isEqualTo(new SenderKeys(AdminTestKeys.threeKeys(), JWKS_A, NOW));
        assertThat(f.get(senderPath(SENDER_A), f.userToken).json().get("key_count").asInt()).isEqualTo(3);
        assertThat(f.adminAudit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("sender_fetch_keys");
            assertThat(a.actor()).isEqualTo("ada.admin");
            assertThat(a.reason()).contains("sender " + SENDER_A).contains("fetched 3");
        });
    }

    @Test
    void fetchKeys_failure_is502WithTheReason_keepsTheLastGoodKeys_recordsTheFailure_andAudits() {
        f.fetchFailure.set("503");
        SenderKeys lastGood = stored(SENDER_A).keys();

        AdminApiFixture.Response r = f.post(senderPath(SENDER_A) + "/fetch-keys", f.adminToken, null);

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.errorCode()).isEqualTo("key_fetch_failed");
        assertThat(r.json().get("error").get("message").asText()).contains("HTTP 503");
        assertThat(stored(SENDER_A).keys()).isEqualTo(lastGood);
        JsonNode shown = f.get(senderPath(SENDER_A), f.userToken).json();
        assertThat(shown.get("last_key_fetch_error").asText()).contains("HTTP 503");
        assertThat(shown.get("last_key_fetch").asText()).isEqualTo(NOW.toString());
        assertThat(f.adminAudit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("sender_fetch_keys");
            assertThat(a.reason()).contains("failed").contains("HTTP 503");
        });
    }

    @Test
    void fetchKeys_ofADocumentWithoutUsableKeys_is502() {
        f.servedJwks.set("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}");

        AdminApiFixture.Response r = f.post(senderPath(SENDER_A) + "/fetch-keys", f.adminToken, null);

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.errorCode()).isEqualTo("key_fetch_failed");
        assertThat(r.body()).contains("no usable key").doesNotContain("c2VjcmV0");
    }

    @Test
    void fetchKeys_ofASenderWithoutJwksUrl_isAConflict() {
        f.senders.save(Sender.register("dev", "Dev", null, SignatureProfile.NONE, Set.of()));
        AdminApiFixture.State before = f.state();

        AdminApiFixture.Response r = f.post("/senders/dev/fetch-keys", f.adminToken, null);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("conflict");
        assertThat(f.state()).isEqualTo(before);
    }

    @Test
    void storedKeys_listsKidTypeAlgorithmUseFetchTimeAndSource_andSkippedEntries() {
        AdminApiFixture.Response r = f.get(senderPath(SENDER_A) + "/keys", f.userToken);

        assertThat(r.status()).isEqualTo(200);
        JsonNode keys = r.json().get("keys");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).get("kid").asText()).isEqualTo(AdminTestKeys.KID_CURRENT);
        assertThat(keys.get(0).get("kty").asText()).isEqualTo("EC");
        assertThat(keys.get(0).get("alg").asText()).isEqualTo("ES256");
        assertThat(keys.get(0).get("use").asText()).isEqualTo("sig");
        assertThat(keys.get(0).get("fetched_at").asText()).isEqualTo(KEYS_A_FETCHED.toString());
        assertThat(keys.get(0).get("source_url").asText()).isEqualTo(JWKS_A);
        assertThat(keys.get(1).get("alg").isNull()).isTrue();
        assertThat(r.json().get("skipped")).isEmpty();
        assertThat(r.body()).doesNotContain("\"x\"");

        String withSymmetric = AdminTestKeys.twoKeys().replace("\"keys\":[",
                "\"keys\":[{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"c2VjcmV0\"},");
        f.senders.save(stored(SENDER_A).withKeys(new SenderKeys(withSymmetric, JWKS_A, NOW)));
        AdminApiFixture.Response mixed = f.get(senderPath(SENDER_A) + "/keys", f.userToken);
        assertThat(mixed.json().get("keys")).hasSize(2);
        assertThat(mixed.json().get("skipped")).hasSize(1);
        assertThat(mixed.body()).doesNotContain("c2VjcmV0");
    }

    @Test
    void storedKeys_ofASenderNeverFetched_isEmpty() {
        JsonNode r = f.get(senderPath(SENDER_B) + "/keys", f.userToken).json();

        assertThat(r.get("keys")).isEmpty();
        assertThat(r.get("source_url").isNull()).isTrue();
        assertThat(r.get("fetched_at").isNull()).isTrue();
    }
}
