package io.crvs.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.SubscriptionStatus;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsCallException.Failure;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CRVS routes through the API: lookups, subscriptions, reconciliation, and how CRVS failures are answered. */
class CrvsRoutesTest {

    private AdminApiFixture f;

    @BeforeEach
    void start() {
        f = new AdminApiFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static CrvsPersonRecord record(LocalDate death, Identifier... ids) {
        return new CrvsPersonRecord(List.of(ids), PersonName.of("Amina", "Diallo"), null, LocalDate.of(1990, 4, 2),
                death, CivilStatus.MARRIED, null, null, List.of());
    }

    @Test
    void verifyBirth_showsTheCrvsRecord_orNotFound() {
        Identifier brn = Identifier.of("BRN", "B-500");
        f.crvs.holds(brn, record(null, brn));

        JsonNode found = f.get("/crvs/verify-birth?identifier=BRN:B-500", f.userToken).json();
        JsonNode missing = f.get("/crvs/verify-birth?identifier=UIN:U-404", f.userToken).json();

        assertThat(found.get("result").asText()).isEqualTo("found");
        assertThat(found.get("crvs").asText()).isEqualTo(AdminApiFixture.SENDER_A);
        assertThat(found.get("record").get("name").get("given_name").asText()).isEqualTo("Amina");
        assertThat(found.get("record").get("birth_date").asText()).isEqualTo("1990-04-02");
        assertThat(missing.get("result").asText()).isEqualTo("not_found");
        assertThat(missing.get("identifier").get("value").asText()).isEqualTo("U-404");
    }

    @Test
    void checkDeath_showsTheDate() {
        Identifier uin = Identifier.of("UIN", "U-1001");
        f.crvs.holds(uin, record(LocalDate.of(2026, 1, 3), uin));

        JsonNode r = f.get("/crvs/check-death?identifier=UIN:U-1001", f.userToken).json();

        assertThat(r.get("result").asText()).isEqualTo("deceased");
        assertThat(r.get("deceased").asBoolean()).isTrue();
        assertThat(r.get("death_date").asText()).isEqualTo("2026-01-03");
    }

    @Test
    void search_byIdentifier_returnsThePage() {
        Identifier uin = Identifier.of("UIN", "U-1001");
        f.crvs.holds(uin, record(null, uin));

        AdminApiFixture.Response r = f.post("/crvs/search", f.userToken,
                "{\"identifier\":\"UIN:U-1001\",\"page_size\":5,\"event_type\":\"birth\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("records")).hasSize(1);
        assertThat(r.json().get("page_size").asInt()).isEqualTo(5);
        assertThat(f.crvs.searches.get(0).get(0).eventType()).isEqualTo(VitalEventType.BIRTH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/crvs/verify-birth?identifier=DRN:D-1, identifier",
        "/crvs/verify-birth, identifier",
        "/crvs/check-death?identifier=BRN:B-1, identifier",
        "/crvs/check-death?identifier=UIN, identifier",
        "/crvs/check-death?identifier=UIN:U-1&uin=x, uin"})
    void badLookups_areBadRequestsNamingTheField_andCallNoCrvs(String path, String field) {
        AdminApiFixture.Response r = f.get(path, f.userToken);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("bad_request");
        assertThat(r.errorField()).isEqualTo(field);
        assertThat(f.crvs.searches).isEmpty();
    }

    @Test
    void badSearchBodies_areBadRequests() {
        assertThat(f.post("/crvs/search", f.userToken, "{}").errorField()).isEqualTo("identifier");
        assertThat(f.post("/crvs/search", f.userToken, "{\"identifier\":\"UIN:1\",\"conditions\":[\"a=b\"]}")
                .errorField()).isEqualTo("conditions");
        assertThat(f.post("/crvs/search", f.userToken, "{\"conditions\":[\"no operator\"]}").errorField())
                .isEqualTo("conditions");
        assertThat(f.post("/crvs/search", f.userToken, "{\"identifier\":\"UIN:1\",\"page_size\":0}").errorField())
                .isEqualTo("page_size");
        assertThat(f.crvs.searches).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "UNAVAILABLE, 502, crvs_unavailable",
        "BAD_RESPONSE, 502, crvs_unavailable",
        "TIMEOUT, 504, crvs_timeout",
        "REJECTED, 502, crvs_rejected",
        "UNTRUSTED, 502, crvs_untrusted",
        "UNKNOWN_CRVS, 404, not_found",
        "NOT_SUPPORTED, 409, conflict"})
    void crvsFailures_areAnsweredWithTheirOwnCodes(Failure failure, int status, String code) {
        f.crvs.failWith(() -> new CrvsCallException(failure, AdminApiFixture.SENDER_A, "err.x",
                "CRVS " + AdminApiFixture.SENDER_A + " failed", null));

        AdminApiFixture.Response r = f.get("/crvs/check-death?identifier=UIN:U-1001", f.userToken);

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(r.json().path("error").path("message").asText()).contains(AdminApiFixture.SENDER_A);
    }

    @Test
    void anUnknownCrvs_isNotFound() {
        AdminApiFixture.Response r = f.get("/crvs/verify-birth?identifier=BRN:B-1&crvs=other.crvs", f.userToken);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("not_found");
    }

    @Test
    void subscribe_storesTheSubscription_sendsIt_andIsAudited() {
        AdminApiFixture.Response r = f.post("/subscriptions", f.adminToken,
                "{\"event_type\":\"death\",\"conditions\":[\"region_code=R-1\"]}");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode s = r.json();
        assertThat(s.get("status").asText()).isEqualTo("pending");
        assertThat(s.get("event_type").asText()).isEqualTo("death");
        assertThat(s.get("filter").get("conditions").get(0).asText()).isEqualTo("region_code:eq:R-1");
        assertThat(s.get("created_by").asText()).isEqualTo("ada.admin");
        assertThat(r.header("Location")).isEqualTo("/api/subscriptions/" + s.get("id").asText());
        assertThat(f.crvs.subscribes).singleElement().satisfies(x -> assertThat(x.referenceId())
                .isEqualTo(s.get("id").asText()));
        assertThat(f.get("/subscriptions", f.userToken).json().get("items")).hasSize(2);
        assertThat(f.store.auditTrail()).anySatisfy(a -> {
            assertThat(a.actor()).isEqualTo("ada.admin");
            assertThat(a.reason()).contains(s.get("id").asText());
        });
    }

    @Test
    void unsubscribe_ofTheActiveOne_sendsItsCode_andOfAPendingOneIsAConflict() {
        AdminApiFixture.Response ok = f.post("/subscriptions/" + f.activeSubscription.id() + "/unsubscribe",
                f.adminToken, null);
        String pending = f.post("/subscriptions", f.adminToken, "{\"event_type\":\"birth\"}").json().get("id").asText();
        AdminApiFixture.Response conflict = f.post("/subscriptions/" + pending + "/unsubscribe", f.adminToken, null);
        AdminApiFixture.Response unknown = f.post("/subscriptions/nope/unsubscribe", f.adminToken, null);

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("status").asText()).isEqualTo(SubscriptionStatus.UNSUBSCRIBING.code());
        assertThat(f.crvs.unsubscribes).containsExactly(List.of("SUB-1"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("conflict");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aSubscribeTheCrvsRefuses_isAnsweredWithItsCode_andKeptRejected() {
        f.crvs.failWith(() -> new CrvsCallException(Failure.REJECTED, AdminApiFixture.SENDER_A,
                "err.request.forbidden", "CRVS refused: err.request.forbidden", null));

        AdminApiFixture.Response r = f.post("/subscriptions", f.adminToken, "{\"event_type\":\"death\"}");

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.errorCode()).isEqualTo("crvs_rejected");
        f.crvs.failWith(null);
        assertThat(f.get("/subscriptions", f.userToken).json().get("items")).anySatisfy(s ->
                assertThat(s.get("status").asText()).isEqualTo("rejected"));
    }

    @Test
    void reconcile_runsAndReportsItsProgress() {
        Identifier uin = Identifier.of("UIN", "U-1001");
        f.crvs.holds(uin, record(LocalDate.of(2026, 1, 3), uin));

        AdminApiFixture.Response started = f.post("/reconcile", f.adminToken, "{\"batch_size\":1}");
        JsonNode status = f.get("/reconcile", f.userToken).json().get("run");

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(status.get("state").asText()).isEqualTo("finished");
        assertThat(status.get("persons_checked").asInt()).isEqualTo(2);
        assertThat(status.get("events_queued").asInt()).isEqualTo(1);
        assertThat(status.get("actor").asText()).isEqualTo("ada.admin");
        assertThat(f.crvs.searches).hasSize(2);
    }

    @Test
    void reconcile_ofAnUnknownCrvs_isNotFound_andNothingRuns() {
        AdminApiFixture.Response r = f.post("/reconcile", f.adminToken, "{\"crvs\":\"other.crvs\"}");

        assertThat(r.status()).isEqualTo(404);
        assertThat(f.get("/reconcile", f.userToken).json().get("run").isNull()).isTrue();
    }
}
