package io.crvs.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer authentication: what is refused with 401, what is accepted. */
class AdminAuthTest {

    private AdminApiFixture f;

    @BeforeEach
    void start() {
        f = new AdminApiFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private AdminApiFixture.Response withAuthorization(String header) {
        return f.send("GET", "/me", null, Map.of("Authorization", header), null);
    }

    private static void assertUnauthorized(AdminApiFixture.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("unauthorized");
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void noAuthorizationHeader_isUnauthorized() {
        assertUnauthorized(f.get("/me", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc", "Bearer two words",
            "Bearer crvs_unknown"})
    void malformedOrUnknownCredentials_areUnauthorized(String header) {
        assertUnauthorized(withAuthorization(header));
    }

    @Test
    void anInactiveUsersToken_isUnauthorized_andNotEchoed() {
        AdminApiFixture.Response r = f.get("/me", f.inactiveToken);

        assertUnauthorized(r);
        assertThat(r.body()).doesNotContain(f.inactiveToken).doesNotContain(ApiTokens.hash(f.inactiveToken));
    }

    @Test
    void aTokenDifferingInOneCharacter_isUnauthorized() {
        String last = f.adminToken.substring(f.adminToken.length() - 1);
        String altered = f.adminToken.substring(0, f.adminToken.length() - 1) + (last.equals("A") ? "B" : "A");

        assertUnauthorized(f.get("/me", altered));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        AdminApiFixture.Response r = withAuthorization("bearer " + f.userToken);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("uma.user");
    }

    @Test
    void unknownRoutes_needATokenToo_thenAreNotFound() {
        assertUnauthorized(f.get("/nothing-here", null));
        for (String path : List.of("/nothing-here", "", "/", "/events/1/unknown", "/senders//keys")) {
            AdminApiFixture.Response r = f.get(path, f.userToken);
            assertThat(r.status()).as(path + " " + r).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("not_found");
        }
    }

    @Test
    void aForbiddenCall_namesTheRole() {
        AdminApiFixture.Response r = f.send("DELETE", "/senders/crvs.example.gov", f.userToken, null);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("forbidden");
        assertThat(r.json().get("error").get("message").asText()).contains("role user");
    }
}
