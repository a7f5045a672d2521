package io.crvs.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.app.CrvsApplication;
import io.crvs.app.demo.DemoScenario;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.domain.ApiUser;
import io.crvs.core.domain.Role;
import io.crvs.http.admin.ApiTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo, end to end on PostgreSQL, with assertions on what ends up in the database. */
class DemoEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();


    @TempDir
    Path dir;

    private static RegistryPerson person(CrvsApplication app, String uin) {
        List<RegistryPerson> found = app.components().partners().findByIdentifier(Identifier.of("UIN", uin));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void demo_appliesEveryEventAndRejectsTheForgery() throws Exception {
        try (CrvsApplication app = AppFixture.start(dir.resolve("pg"), InstantSource.system(), 2)) {
            DemoScenario.Result r = new DemoScenario(app, Duration.ofSeconds(60)).run();

            assertThat(r.settled()).isTrue();
            assertThat(r.deliveries()).extracting(DemoScenario.Delivery::status)
                    .containsExactly(202, 202, 202, 202, 202, 202, 401);
            String firstAck = r.deliveries().get(0).answer();
            String duplicateAck = r.deliveries().get(5).answer();
            assertThat(correlationId(duplicateAck)).isEqualTo(correlationId(firstAck));
            assertThat(r.deliveries().get(6).answer()).contains("\"ack_status\":\"ERR\"")
                    .contains("err.signature.invalid");

            assertThat(r.events()).hasSize(6).allSatisfy(e -> {
                assertThat(e.state()).isEqualTo(EventState.PROCESSED);
                assertThat(e.outcome()).isEqualTo(ProcessingOutcome.APPLIED);
            });
            VitalEvent late = r.events().stream().filter(e -> e.identifiers().contains(Identifier.of("UIN",
                    "U-1006"))).findFirst().orElseThrow();
            assertThat(late.attempts()).isGreaterThanOrEqualTo(2);
            assertThat(app.components().events().history(late.id()))
                    .anySatisfy(a -> assertThat(a.reason()).isEqualTo("no_match"));
            assertThat(r.events()).extracting(VitalEvent::type).containsExactly(VitalEventType.BIRTH,
                    VitalEventType.DEATH, VitalEventType.MARRIAGE, VitalEventType.MARRIAGE, VitalEventType.DIVORCE,
                    VitalEventType.DEATH);

            RegistryPerson nova = person(app, "U-1001");
            assertThat(nova.birthDate()).isEqualTo(LocalDate.of(2025, 3, 10));
            assertThat(nova.identifiers()).contains(Identifier.of("BRN", "B-2025-0000123"));
            assertThat(nova.deceased()).isFalse();
            RegistryPerson orin = person(app, "U-1002");
            assertThat(orin.deceased()).isTrue();
            assertThat(orin.deathDate()).isEqualTo(LocalDate.of(2025, 3, 12));
            for (String spouse : List.of("U-1003", "U-1004")) {
                RegistryPerson p = person(app, spouse);
                assertThat(p.civilStatus()).isEqualTo(CivilStatus.MARRIED);
                assertThat(p.civilStatusDate()).isEqualTo(LocalDate.of(2025, 3, 8));
                assertThat(p.identifiers()).contains(Identifier.of("MRN", "M-2025-0000009"));
            }
            RegistryPerson cleo = person(app, "U-1005");
            assertThat(cleo.civilStatus()).isEqualTo(CivilStatus.DIVORCED);
            assertThat(cleo.civilStatusDate()).isEqualTo(LocalDate.of(2025, 3, 1));
            RegistryPerson iris = person(app, "U-1006");
            assertThat(iris.deceased()).isTrue();
            assertThat(iris.deathDate()).isEqualTo(LocalDate.of(2025, 3, 20));

            assertObservable(app);
            assertAdminApiWiredWithRoles(app);
        }
    }

    private static HttpResponse<String> get(CrvsApplication app, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Metrics count what the demo did; readiness reports the database. */
    private static void assertObservable(CrvsApplication app) throws Exception {
        HttpResponse<String> metrics = get(app, "/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("crvs_messages_received_total{action=\"notify\"} 5.0")
                .contains("crvs_messages_duplicate_total{action=\"notify\"} 1.0")
                .contains("crvs_messages_rejected_total{reason=\"bad_signature\",status=\"401\"} 1.0")
                .contains("crvs_events_processed_total{outcome=\"applied\",type=\"marriage\"} 2.0")
                .contains("crvs_events_failed_total{error=\"no_match\",type=\"death\",will_retry=\"true\"}")
                .contains("crvs_jwks_fetches_total{result=\"ok\",sender=\"crvs.demo.example\"}")
                .contains("crvs_queue_oldest_due_age_seconds");
        HttpResponse<String> ready = get(app, "/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("READY");
    }

    /** The admin API is mounted with real users: a user reads but cannot delete a sender; an admin can. */
    private static void assertAdminApiWiredWithRoles(CrvsApplication app) throws Exception {
        String userToken = ApiTokens.generate();
        String adminToken = ApiTokens.generate();
        Instant now = Instant.now();
        app.components().users().save(new ApiUser("clerk", Role.USER, ApiTokens.hash(userToken), now, true));
        app.components().users().save(new ApiUser("boss", Role.ADMIN, ApiTokens.hash(adminToken), now, true));

        assertThat(get(app, "/api/events?state=processed", null).statusCode()).isEqualTo(401);
        HttpResponse<String> list = get(app, "/api/events?state=processed", userToken);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"total\":6");
        HttpRequest delete = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/api/senders/crvs.demo.example")).DELETE().header("Authorization", "Bearer " + userToken).build();
        HttpResponse<String> refused = HTTP.send(delete, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"forbidden\"");
        assertThat(app.components().senders().find("crvs.demo.example")).isPresent();
        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(delete.uri()).DELETE()
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isBetween(200, 204);
        assertThat(app.components().senders().find("crvs.demo.example")).isEmpty();
        assertThat(app.components().events().stats(Instant.now()).countsByState())
                .containsEntry(EventState.PROCESSED, 6L);
    }

    private static String correlationId(String ack) {
        int i = ack.indexOf("\"correlation_id\":\"");
        assertThat(i).isPositive();
        return ack.substring(i + 18, ack.indexOf('"', i + 18));
    }
}
