package io.crvs.http.admin;

import static io.crvs.http.admin.AdminApiFixture.KEYS_A_FETCHED;
import static io.crvs.http.admin.AdminApiFixture.SENDER_A;
import static io.crvs.http.admin.AdminApiFixture.SENDER_B;
import static io.crvs.http.admin.AdminApiFixture.T0;
import static io.crvs.http.admin.AdminApiFixture.senderPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's dashboard: queue stats, counts by type, the last 24 hours (received, in error) overall and per
 * sender, and each sender's key health. The fixture's events: a processed birth (sender A, T0), a death in error
 * (A, T0+1h), a marriage in error (B, T0+2h) and a received divorce (B, T0+1d).
 */
class DashboardRouteTest {

    private AdminApiFixture f;

    @BeforeEach
    void start() {
        f = new AdminApiFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private JsonNode dashboard() {
        AdminApiFixture.Response r = f.get("/dashboard", f.userToken);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, JsonNode> bySender(JsonNode dashboard) {
        Map<String, JsonNode> rows = new HashMap<>();
        dashboard.get("senders").forEach(row -> rows.put(row.get("sender_id").asText(), row));
        return rows;
    }

    @Test
    void countsByStateAndType_andTheQueue() {
        JsonNode d = dashboard();

        assertThat(d.get("counts").toString())
                .isEqualTo("{\"received\":1,\"processing\":0,\"processed\":1,\"error\":2}");
        assertThat(d.get("total").asLong()).isEqualTo(4);
        assertThat(d.get("due").asLong()).isEqualTo(1);
        assertThat(d.get("oldest_due_since").asText()).isEqualTo(T0.plus(Duration.ofDays(1)).toString());
        JsonNode byType = d.get("by_type");
        assertThat(byType.get("birth").asLong()).isEqualTo(1);
        assertThat(byType.get("death").asLong()).isEqualTo(1);
        assertThat(byType.get("marriage").asLong()).isEqualTo(1);
        assertThat(byType.get("divorce").asLong()).isEqualTo(1);
        assertThat(byType.get("adoption").asLong()).as("every type is listed, zeros included").isZero();
        assertThat(byType.size()).isEqualTo(12);
        assertThat(d.get("generated_at").asText()).isEqualTo(f.clock.instant().toString());
    }

    @Test
    void last24Hours_countsWhatWasReceivedSinceAndWhatOfItIsInError_overallAndPerSender() {
        Instant now = T0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(90));
        f.clock.set(now); // the window starts at T0+1h30: the marriage (error, B) and the divorce (received, B)

        JsonNode d = dashboard();

        assertThat(d.get("last_24h").get("since").asText()).isEqualTo(now.minus(Duration.ofHours(24)).toString());
        assertThat(d.get("last_24h").get("received").asLong()).isEqualTo(2);
        assertThat(d.get("last_24h").get("error").asLong()).isEqualTo(1);
        Map<String, JsonNode> rows = bySender(d);
        assertThat(rows.get(SENDER_A).get("received_24h").asLong()).isZero();
        assertThat(rows.get(SENDER_A).get("error_24h").asLong()).isZero();
        assertThat(rows.get(SENDER_B).get("received_24h").asLong()).isEqualTo(2);
        assertThat(rows.get(SENDER_B).get("error_24h").asLong()).isEqualTo(1);

        f.clock.set(T0.plus(Duration.ofMinutes(30))); // now the death (A, error) is inside the window too
        JsonNode earlier = dashboard();
        assertThat(earlier.get("last_24h").get("received").asLong()).isEqualTo(4);
        assertThat(earlier.get("last_24h").get("error").asLong()).isEqualTo(2);
        assertThat(bySender(earlier).get(SENDER_A).get("error_24h").asLong()).isEqualTo(1);
    }

    @Test
    void keyHealth_ofEachSender_okNeverFetchedStaleFailingAndNotNeeded() {
        f.senders.save(Sender.register("dev", "Dev", null, SignatureProfile.NONE, Set.of()));
        f.senders.save(Sender.register("empty", "Empty JWKS", "https://empty.example/jwks.json",
                SignatureProfile.JWS_COMPACT, Set.of()).withKeys(new SenderKeys("{\"keys\":[]}",
                "https://empty.example/jwks.json", KEYS_A_FETCHED)));

        Map<String, JsonNode> rows = bySender(dashboard());

        JsonNode a = rows.get(SENDER_A);
        assertThat(a.get("key_health").asText()).isEqualTo("ok");
        assertThat(a.get("key_count").asInt()).isEqualTo(2);
        assertThat(a.get("keys_fetched_at").asText()).isEqualTo(KEYS_A_FETCHED.toString());
        assertThat(a.get("last_key_fetch_error").isNull()).isTrue();
        assertThat(a.get("name").asText()).isEqualTo("Civil registry");
        assertThat(a.get("active").asBoolean()).isTrue();
        assertThat(rows.get(SENDER_B).get("key_health").asText()).isEqualTo("never_fetched");
        assertThat(rows.get(SENDER_B).get("last_key_fetch").isNull()).isTrue();
        assertThat(rows.get("dev").get("key_health").asText()).isEqualTo("not_needed");
        assertThat(rows.get("empty").get("key_health").asText()).isEqualTo("no_usable_keys");

        f.fetchFailure.set("503");
        assertThat(f.post(senderPath(SENDER_A) + "/fetch-keys", f.adminToken, null).status()).isEqualTo(502);
        assertThat(f.post(senderPath(SENDER_B) + "/fetch-keys", f.adminToken, null).status()).isEqualTo(502);

        Map<String, JsonNode> after = bySender(dashboard());
        assertThat(after.get(SENDER_A).get("key_health").asText()).as("last good keys still used").isEqualTo("stale");
        assertThat(after.get(SENDER_A).get("last_key_fetch_error").asText()).contains("HTTP 503");
        assertThat(after.get(SENDER_A).get("last_key_fetch").asText()).isEqualTo(f.clock.instant().toString());
        assertThat(after.get(SENDER_B).get("key_health").asText()).as("no keys at all").isEqualTo("failing");
    }

    @Test
    void refusesQueryParameters_andShowsNoPersonalData() {
        AdminApiFixture.Response r = f.get("/dashboard?state=error", f.userToken);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorField()).isEqualTo("state");

        assertThat(f.get("/dashboard", f.userToken).body()).doesNotContain("U-1001").doesNotContain("U-9999")
                .doesNotContain("Diallo");
    }
}
