package io.crvs.http.admin;

import static io.crvs.http.admin.AdminApiFixture.NOW;
import static io.crvs.http.admin.AdminApiFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.testing.TestEvents;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events through the API: list and filters, paging, detail with raw data and history, notes, retries, stats. */
class EventRoutesTest {

    private AdminApiFixture f;

    @BeforeEach
    void start() {
        f = new AdminApiFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private List<Long> ids(String query) {
        AdminApiFixture.Response r = f.get("/events" + query, f.userToken);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private static long id(EventId id) {
        return id.value();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void list_withoutFilters_returnsEveryEventNewestFirst_summarised() {
        AdminApiFixture.Response r = f.get("/events", f.userToken);

        assertThat(r.status()).isEqualTo(200);
        JsonNode page = r.json();
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("limit").asInt()).isEqualTo(EventEndpoints.DEFAULT_LIMIT);
        assertThat(ids("")).containsExactly(id(f.receivedDivorce), id(f.errorMarriage), id(f.errorDeath),
                id(f.processedBirth));
        JsonNode death = page.get("items").get(2);
        assertThat(death.get("sender_id").asText()).isEqualTo(AdminApiFixture.SENDER_A);
        assertThat(death.get("message_id").asText()).isEqualTo(f.event(f.errorDeath).messageId());
        assertThat(death.get("reference_id").asText()).isEqualTo(f.event(f.errorDeath).referenceId());
        assertThat(death.get("type").asText()).isEqualTo("death");
        assertThat(death.get("event_date").asText()).isEqualTo("2025-03-12");
        assertThat(death.get("state").asText()).isEqualTo("error");
        assertThat(death.get("attempts").asInt()).isEqualTo(1);
        assertThat(death.get("next_attempt_at").isNull()).isTrue();
        assertThat(death.get("last_error").get("code").asText()).isEqualTo("no_match");
        assertThat(death.get("last_error").get("message").asText()).isEqualTo("no registry person has the identifiers");
        assertThat(death.get("outcome").isNull()).isTrue();
        assertThat(death.get("matched_person").isNull()).isTrue();
        assertThat(death.get("received_at").asText()).isEqualTo(T0.plus(Duration.ofHours(1)).toString());
        JsonNode birth = page.get("items").get(3);
        assertThat(birth.get("outcome").asText()).isEqualTo("applied");
        assertThat(birth.get("matched_person").asLong()).isEqualTo(f.personOne.value());
        assertThat(birth.get("last_error").isNull()).isTrue();
        assertThat(page.get("items").get(0).get("next_attempt_at").asText())
                .isEqualTo(T0.plus(Duration.ofDays(1)).toString());
    }

    @Test
    void list_eachFilter_narrowsTheResult() {
        assertThat(ids("?state=error")).containsExactly(id(f.errorMarriage), id(f.errorDeath));
        assertThat(ids("?state=PROCESSED")).containsExactly(id(f.processedBirth));
        assertThat(ids("?type=marriage")).containsExactly(id(f.errorMarriage));
        assertThat(ids("?type=LiveBirth")).containsExactly(id(f.processedBirth));
        assertThat(ids("?sender=" + enc(AdminApiFixture.SENDER_B))).containsExactly(id(f.receivedDivorce),
                id(f.errorMarriage));
        assertThat(ids("?from=" + T0.plus(Duration.ofMinutes(30)) + "&to=" + T0.plus(Duration.ofHours(2))))
                .containsExactly(id(f.errorDeath));
        assertThat(ids("?from=2026-01-11")).containsExactly(id(f.receivedDivorce));
        assertThat(ids("?to=2026-01-10")).as("a date as the end includes that whole day")
                .containsExactly(id(f.errorMarriage), id(f.errorDeath), id(f.processedBirth));
        assertThat(ids("?from=" + enc("2026-01-10T09:00:00+01:00") + "&to=2026-01-10"))
                .as("offset date-times are instants").containsExactly(id(f.errorMarriage), id(f.errorDeath),
                        id(f.processedBirth));
        assertThat(ids("?identifier=UIN:U-1001")).containsExactly(id(f.receivedDivorce), id(f.processedBirth));
        assertThat(ids("?identifier=uin:U-1001")).as("types are case-insensitive")
                .containsExactly(id(f.receivedDivorce), id(f.processedBirth));
        assertThat(ids("?identifier=UIN:u-1001")).as("values are exact").isEmpty();
        assertThat(ids("?person=" + f.personOne)).containsExactly(id(f.processedBirth));
        assertThat(ids("?state=error&sender=" + AdminApiFixture.SENDER_A)).containsExactly(id(f.errorDeath));
        assertThat(ids("?state=&type=&sender=")).as("empty values match everything").hasSize(4);
    }

    @Test
    void list_paging_returnsTheSliceAndTheTotal() {
        AdminApiFixture.Response r = f.get("/events?offset=1&limit=2", f.userToken);

        assertThat(r.json().get("total").asLong()).isEqualTo(4);
        assertThat(r.json().get("offset").asInt()).isEqualTo(1);
        assertThat(r.json().get("limit").asInt()).isEqualTo(2);
        assertThat(ids("?offset=1&limit=2")).containsExactly(id(f.errorMarriage), id(f.errorDeath));
        assertThat(ids("?offset=4")).isEmpty();
    }

    @Test
    void detail_showsIdentifiersPersonRawItemRawEnvelopeNotesAndHistory() {
        AdminApiFixture.Response r = f.get("/events/" + f.processedBirth, f.userToken);

        assertThat(r.status()).isEqualTo(200);
        JsonNode e = r.json();
        assertThat(e.get("id").asLong()).isEqualTo(id(f.processedBirth));
        assertThat(e.get("state").asText()).isEqualTo("processed");
        assertThat(e.get("transaction_id").asText()).isEqualTo("txn-1");
        assertThat(e.get("raw_event_type").asText()).isEqualTo("birth");
        assertThat(e.get("identifiers").toString())
                .isEqualTo("[{\"type\":\"BRN\",\"value\":\"B-500\"},{\"type\":\"UIN\",\"value\":\"U-1001\"}]");
        assertThat(e.get("person").get("birth_date").asText()).isEqualTo("2025-03-10");
        assertThat(e.get("person").get("name").get("given_name").asText()).isEqualTo("Test");
        assertThat(e.get("raw_item").get("reference_id").asText()).isEqualTo(f.event(f.processedBirth).referenceId());
        assertThat(e.get("raw_envelope").get("header").get("message_id").asText()).isEqualTo("m-birth-1");
        assertThat(r.body()).as("raw numbers are kept exactly").contains("\"amount\":1.10");
        assertThat(e.get("message").get("correlation_id").asText()).isEqualTo("corr-1");
        assertThat(e.get("message").get("profile").asText()).isEqualTo("dci-cavage-ed25519");
        assertThat(e.get("notes")).isEmpty();
        List<String> trail = new ArrayList<>();
        e.get("history").forEach(h -> trail.add(h.get("action").asText() + "/" + h.get("actor").asText() + "/"
                + h.get("to").asText()));
        assertThat(trail).containsExactly("receive/system/received", "claim/worker/processing",
                "complete/worker/processed");
    }

    @Test
    void raw_isTheStoredEnvelopeByteForByte_asJsonThatIsNotSniffed() {
        AdminApiFixture.Response r = f.get("/events/" + f.processedBirth + "/raw", f.userToken);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(AdminApiFixture.RAW_ENVELOPE);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void raw_ofAnEnvelopeThatIsNotJson_isPlainText_andOfAnUnknownEvent_is404() {
        ReceivedMessage message = new ReceivedMessage(AdminApiFixture.SENDER_A, "m-odd", "notify", null, "corr-odd",
                SignatureProfile.NONE, "<b>not json</b>".getBytes(StandardCharsets.UTF_8), NOW);
        EventId stored = ((StoreResult.Stored) f.store.store(message, List.of(TestEvents.birth().build())))
                .events().get(0).eventId();

        AdminApiFixture.Response r = f.get("/events/" + stored + "/raw", f.userToken);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("<b>not json</b>");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");

        AdminApiFixture.Response missing = f.get("/events/999999/raw", f.userToken);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("not_found");
    }

    @Test
    void list_summariesCarryTheIdentifiers() {
        JsonNode items = f.get("/events?type=birth", f.userToken).json().get("items");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("identifiers").toString())
                .isEqualTo("[{\"type\":\"BRN\",\"value\":\"B-500\"},{\"type\":\"UIN\",\"value\":\"U-1001\"}]");
    }

    @Test
    void detail_ofAnEnvelopeThatIsNotJson_showsItAsText() {
        ReceivedMessage message = new ReceivedMessage(AdminApiFixture.SENDER_A, "m-odd", "notify", null, "corr-odd",
                SignatureProfile.NONE, "<not json>".getBytes(StandardCharsets.UTF_8), NOW);
        EventId stored = ((StoreResult.Stored) f.store.store(message, List.of(TestEvents.birth().build())))
                .events().get(0).eventId();

        JsonNode e = f.get("/events/" + stored, f.adminToken).json();

        assertThat(e.get("raw_envelope").isTextual()).isTrue();
        assertThat(e.get("raw_envelope").asText()).isEqualTo("<not json>");
    }

    @Test
    void addNote_asUser_isStoredWithTheCallerAsAuthorAndAudited() {
        AdminApiFixture.Response r = f.post("/events/" + f.errorDeath + "/notes", f.userToken,
                "{\"text\":\"Família notified — waiting for the death certificate\"}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("author").asText()).isEqualTo("uma.user");
        assertThat(r.json().get("at").asText()).isEqualTo(NOW.toString());
        assertThat(r.header("Location")).isEqualTo("/api/events/" + f.errorDeath);
        JsonNode detail = f.get("/events/" + f.errorDeath, f.adminToken).json();
        assertThat(detail.get("notes").get(0).get("text").asText())
                .isEqualTo("Família notified — waiting for the death certificate");
        JsonNode last = detail.get("history").get(detail.get("history").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("note");
        assertThat(last.get("actor").asText()).isEqualTo("uma.user");
        assertThat(f.event(f.errorDeath).state()).isEqualTo(EventState.ERROR);
    }

    @Test
    void retry_ofAnEventInError_makesItDueNow_withTheCallerAndReasonInTheHistory() {
        AdminApiFixture.Response r = f.post("/events/" + f.errorDeath + "/retry", f.userToken,
                "{\"reason\":\"person registered since\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("state").asText()).isEqualTo("received");
        assertThat(r.json().get("next_attempt_at").asText()).isEqualTo(NOW.toString());
        assertThat(f.event(f.errorDeath).state()).isEqualTo(EventState.RECEIVED);
        AuditEntry last = lastHistory(f.errorDeath);
        assertThat(last.action()).isEqualTo("retry");
        assertThat(last.actor()).isEqualTo("uma.user");
        assertThat(last.reason()).isEqualTo("person registered since");
    }

    @Test
    void retry_withoutBody_usesTheDefaultReason() {
        AdminApiFixture.Response r = f.send("POST", "/events/" + f.errorMarriage + "/retry", f.adminToken, null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(lastHistory(f.errorMarriage).reason()).isEqualTo("manual retry");
        assertThat(lastHistory(f.errorMarriage).actor()).isEqualTo("ada.admin");
    }

    @Test
    void retry_ofAnEventNotInError_isAConflict_andChangesNothing() {
        AdminApiFixture.State before = f.state();

        AdminApiFixture.Response r = f.post("/events/" + f.processedBirth + "/retry", f.adminToken, "{}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("conflict");
        assertThat(r.json().get("error").get("message").asText()).contains("processed");
        assertThat(f.state()).isEqualTo(before);
    }

    @Test
    void noteOrRetry_ofAnUnknownEvent_isNotFound() {
        AdminApiFixture.Response retry = f.post("/events/999/retry", f.adminToken, "{}");
        AdminApiFixture.Response note = f.post("/events/999/notes", f.adminToken, "{\"text\":\"x\"}");
        AdminApiFixture.Response show = f.get("/events/999", f.adminToken);

        for (AdminApiFixture.Response r : List.of(retry, note, show)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("not_found");
        }
    }

    @Test
    void retryAll_retriesOnlyErrorsMatchingTheFilter_andAuditsTheAction() {
        AdminApiFixture.Response r = f.post("/events/retry", f.userToken,
                "{\"sender\":\"crvs.example.gov\",\"reason\":\"registry back\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("retried").asInt()).isEqualTo(1);
        assertThat(f.event(f.errorDeath).state()).isEqualTo(EventState.RECEIVED);
        assertThat(f.event(f.errorMarriage).state()).isEqualTo(EventState.ERROR);
        assertThat(lastHistory(f.errorDeath).actor()).isEqualTo("uma.user");
        assertThat(f.adminAudit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("retry_all");
            assertThat(a.actor()).isEqualTo("uma.user");
            assertThat(a.eventId()).isNull();
            assertThat(a.at()).isEqualTo(NOW);
            assertThat(a.reason()).contains("sender=crvs.example.gov").contains("retried 1").contains("registry back");
        });
    }

    @Test
    void retryAll_acceptsStateError_andMasksIdentifierValuesInTheAudit() {
        AdminApiFixture.Response r = f.post("/events/retry", f.adminToken,
                "{\"state\":\"error\",\"identifier\":\"MRN:M-77\",\"from\":\"2026-01-10\",\"to\":\"2026-01-10\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("retried").asInt()).isEqualTo(1);
        assertThat(f.event(f.errorMarriage).state()).isEqualTo(EventState.RECEIVED);
        assertThat(f.event(f.errorDeath).state()).isEqualTo(EventState.ERROR);
        assertThat(f.adminAudit).singleElement().satisfies(a ->
                assertThat(a.reason()).contains("identifier=MRN:***").doesNotContain("M-77"));
    }

    @Test
    void retryAll_withAllTrue_retriesEveryError() {
        AdminApiFixture.Response r = f.post("/events/retry", f.adminToken, "{\"all\":true}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("retried").asInt()).isEqualTo(2);
        assertThat(f.adminAudit).singleElement().satisfies(a -> assertThat(a.reason()).contains("all errors"));
    }

    @Test
    void retryAll_withoutAnyFilter_isRefused_soNothingIsRetriedByMistake() {
        for (String body : new String[] {null, "{}", "{\"reason\":\"oops\"}", "{\"all\":false}"}) {
            AdminApiFixture.Response r = f.send("POST", "/events/retry", f.adminToken, body);
            assertThat(r.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("bad_request");
            assertThat(r.json().at("/error/field").asText()).isEqualTo("all");
        }
        assertThat(f.event(f.errorDeath).state()).isEqualTo(EventState.ERROR);
        assertThat(f.event(f.errorMarriage).state()).isEqualTo(EventState.ERROR);
        assertThat(f.adminAudit).isEmpty();
    }

    @Test
    void retryAll_withTheFilterInTheQueryString_isRefused() {
        AdminApiFixture.Response r = f.send("POST", "/events/retry?sender=nope", f.adminToken, "{\"all\":true}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("bad_request");
        assertThat(f.event(f.errorDeath).state()).isEqualTo(EventState.ERROR);
    }

    @Test
    void retryAll_withAStateOtherThanError_isRefused() {
        AdminApiFixture.Response r = f.post("/events/retry", f.adminToken, "{\"state\":\"processed\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/field").asText()).isEqualTo("state");
        assertThat(f.event(f.errorMarriage).state()).isEqualTo(EventState.ERROR);
    }

    @Test
    void stats_countsByStateAndTheOldestDueEvent() {
        JsonNode stats = f.get("/stats", f.userToken).json();

        assertThat(stats.get("counts").toString())
                .isEqualTo("{\"received\":1,\"processing\":0,\"processed\":1,\"error\":2}");
        assertThat(stats.get("total").asLong()).isEqualTo(4);
        assertThat(stats.get("due").asLong()).isEqualTo(1);
        assertThat(stats.get("oldest_due_since").asText()).isEqualTo(T0.plus(Duration.ofDays(1)).toString());
        assertThat(stats.get("oldest_due_age_seconds").asLong()).isEqualTo(Duration.ofDays(1).toSeconds());
    }

    @Test
    void me_returnsTheCallersNameAndRole() {
        assertThat(f.get("/me", f.userToken).json().toString()).isEqualTo("{\"name\":\"uma.user\",\"role\":\"user\"}");
        assertThat(f.get("/me", f.adminToken).json().toString())
                .isEqualTo("{\"name\":\"ada.admin\",\"role\":\"admin\"}");
    }

    private AuditEntry lastHistory(EventId id) {
        List<AuditEntry> history = f.store.history(id);
        return history.get(history.size() - 1);
    }
}
