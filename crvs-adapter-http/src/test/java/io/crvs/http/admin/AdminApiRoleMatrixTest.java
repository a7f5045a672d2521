package io.crvs.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role matrix: every admin route × {no token, user, admin} → the expected status, each call on a fresh
 * fixture. Refusals carry their error code and change nothing.
 */
class AdminApiRoleMatrixTest {

    enum Caller { NONE, USER, ADMIN }

    /** One route of the table, a valid call of it, and what user and admin get. */
    record Row(String route, String method, Function<AdminApiFixture, String> path, String body, int user,
               int admin) {
        @Override
        public String toString() {
            return route;
        }
    }

    private static final List<Row> ROWS = List.of(
            new Row("GET /me", "GET", f -> "/me", null, 200, 200),
            new Row("GET /stats", "GET", f -> "/stats", null, 200, 200),
            new Row("GET /dashboard", "GET", f -> "/dashboard", null, 200, 200),
            new Row("GET /events", "GET", f -> "/events?state=error", null, 200, 200),
            new Row("GET /events/{id}", "GET", f -> "/events/" + f.processedBirth, null, 200, 200),
            new Row("GET /events/{id}/raw", "GET", f -> "/events/" + f.processedBirth + "/raw", null, 200, 200),
            new Row("POST /events/{id}/notes", "POST", f -> "/events/" + f.errorDeath + "/notes",
                    "{\"text\":\"called the district office\"}", 201, 201),
            new Row("POST /events/{id}/retry", "POST", f -> "/events/" + f.errorDeath + "/retry",
                    "{\"reason\":\"person registered since\"}", 200, 200),
            new Row("POST /events/retry", "POST", f -> "/events/retry", "{\"type\":\"death\"}", 200, 200),
            new Row("GET /senders", "GET", f -> "/senders", null, 200, 200),
            new Row("POST /senders", "POST", f -> "/senders", "{\"sender_id\":\"new.crvs\",\"profile\":\"jws-compact\","
                    + "\"jwks_url\":\"https://new.crvs/jwks.json\"}", 403, 201),
            new Row("GET /senders/{id}", "GET", f -> AdminApiFixture.senderPath(AdminApiFixture.SENDER_A), null,
                    200, 200),
            new Row("PUT /senders/{id}", "PUT", f -> AdminApiFixture.senderPath(AdminApiFixture.SENDER_A),
                    "{\"active\":false}", 403, 200),
            new Row("DELETE /senders/{id}", "DELETE", f -> AdminApiFixture.senderPath(AdminApiFixture.SENDER_B),
                    null, 403, 200),
            new Row("POST /senders/{id}/fetch-keys", "POST",
                    f -> AdminApiFixture.senderPath(AdminApiFixture.SENDER_A) + "/fetch-keys", null, 403, 200),
            new Row("GET /senders/{id}/keys", "GET",
                    f -> AdminApiFixture.senderPath(AdminApiFixture.SENDER_A) + "/keys", null, 200, 200),
            new Row("GET /persons", "GET", f -> "/persons?identifier=UIN:U-1001", null, 200, 200),
            new Row("GET /persons/{id}", "GET", f -> "/persons/" + f.personOne, null, 200, 200),
            new Row("GET /crvs", "GET", f -> "/crvs", null, 200, 200),
            new Row("GET /crvs/verify-birth", "GET", f -> "/crvs/verify-birth?identifier=BRN:B-500", null, 200, 200),
            new Row("GET /crvs/check-death", "GET", f -> "/crvs/check-death?identifier=UIN:U-1001", null, 200, 200),
            new Row("POST /crvs/search", "POST", f -> "/crvs/search", "{\"identifier\":\"UIN:U-1001\"}", 200, 200),
            new Row("GET /subscriptions", "GET", f -> "/subscriptions", null, 200, 200),
            new Row("POST /subscriptions", "POST", f -> "/subscriptions", "{\"event_type\":\"birth\"}", 403, 201),
            new Row("GET /subscriptions/{id}", "GET", f -> "/subscriptions/" + f.activeSubscription.id(), null,
                    200, 200),
            new Row("POST /subscriptions/{id}/unsubscribe", "POST",
                    f -> "/subscriptions/" + f.activeSubscription.id() + "/unsubscribe", null, 403, 200),
            new Row("GET /reconcile", "GET", f -> "/reconcile", null, 200, 200),
            new Row("POST /reconcile", "POST", f -> "/reconcile", "{\"batch_size\":10}", 403, 202));

    private AdminApiFixture fixture;

    @BeforeEach
    void start() {
        fixture = new AdminApiFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Row row : ROWS) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(row, caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRoute_everyCaller_getsTheExpectedStatus(Row row, Caller caller) {
        String token = switch (caller) {
            case NONE -> null;
            case USER -> fixture.userToken;
            case ADMIN -> fixture.adminToken;
        };
        int expected = switch (caller) {
            case NONE -> 401;
            case USER -> row.user();
            case ADMIN -> row.admin();
        };
        AdminApiFixture.State before = fixture.state();

        AdminApiFixture.Response r = fixture.send(row.method(), row.path().apply(fixture), token, row.body());

        assertThat(r.status()).as(r.toString()).isEqualTo(expected);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        if (expected == 401) {
            assertThat(r.errorCode()).isEqualTo("unauthorized");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        if (expected == 403) {
            assertThat(r.errorCode()).isEqualTo("forbidden");
        }
        if (expected >= 400) {
            assertThat(fixture.state()).isEqualTo(before);
        }
    }

    @Test
    void theMatrixCoversEveryRouteOfTheApi() {
        Set<String> table = fixture.api.routes().stream().map(r -> r.method() + " " + r.template())
                .collect(Collectors.toSet());
        Set<String> tested = ROWS.stream().map(Row::route).collect(Collectors.toSet());
        assertThat(tested).isEqualTo(table);
    }

    @Test
    void givenAUserToken_adminOnlyRoutes_areExactlyTheSenderAndCrvsChanges() {
        Set<String> adminOnly = ROWS.stream().filter(r -> r.user() == 403).map(Row::route).collect(Collectors.toSet());
        assertThat(adminOnly).containsExactlyInAnyOrder("POST /senders", "PUT /senders/{id}",
                "DELETE /senders/{id}", "POST /senders/{id}/fetch-keys", "POST /subscriptions",
                "POST /subscriptions/{id}/unsubscribe", "POST /reconcile");
    }
}
