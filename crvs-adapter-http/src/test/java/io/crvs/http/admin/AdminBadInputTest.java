package io.crvs.http.admin;

import static io.crvs.http.admin.AdminApiFixture.SENDER_A;
import static io.crvs.http.admin.AdminApiFixture.senderPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input never gets a 500 and never changes anything: a 400 {@code bad_request} naming the field, or 404 /
 * 405 / 413 / 415 with its code.
 */
class AdminBadInputTest {

    private AdminApiFixture f;
    private AdminApiFixture.State before;

    @BeforeEach
    void start() {
        f = new AdminApiFixture();
        before = f.state();
    }

    @AfterEach
    void stop() {
        assertThat(f.state()).as("nothing changed").isEqualTo(before);
        f.close();
    }

    private void assertBadRequest(AdminApiFixture.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("bad_request");
        assertThat(r.errorField()).isEqualTo(field);
        assertThat(r.json().get("error").get("message").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "GET {0} -> 400 {1}")
    @CsvSource(delimiter = '|', value = {
        "/events/abc|id",
        "/events/0|id",
        "/events/-3|id",
        "/events/99999999999999999999|id",
        "/persons/x1|id",
        "/persons/0|id",
        "/events?limit=0|limit",
        "/events?limit=1001|limit",
        "/events?limit=ten|limit",
        "/events?offset=-1|offset",
        "/events?offset=1.5|offset",
        "/events?from=2026-13-01|from",
        "/events?from=yesterday|from",
        "/events?to=2026-01-10T25:00:00Z|to",
        "/events?from=2026-01-10T12:00:00|from",
        "/events?from=2026-01-12&to=2026-01-10|to",
        "/events?state=done|state",
        "/events?type=coronation|type",
        "/events?identifier=U-1001|identifier",
        "/events?identifier=UIN:|identifier",
        "/events?identifier=:U-1001|identifier",
        "/events?person=someone|person",
        "/events?sate=error|sate",
        "/events?state=error&state=processed|state",
        "/events/1?verbose=true|verbose",
        "/persons|identifier",
        "/persons?identifier=nocolon|identifier",
        "/persons?name=Amina|name",
        "/stats?now=1|now",
    })
    void badIdOrQuery_isBadRequestNamingTheField(String path, String field) {
        assertBadRequest(f.get(path, f.adminToken), field);
    }

    @ParameterizedTest(name = "POST notes {0} -> 400 {1}")
    @CsvSource(delimiter = '|', value = {
        "{|body",
        "[]|body",
        "\"text\"|body",
        "{\"text\":\"a\"} {}|body",
        "{\"text\":\"a\",\"text\":\"b\"}|body",
        "{}|text",
        "{\"text\":\"   \"}|text",
        "{\"text\":42}|text",
        "{\"text\":\"ok\",\"author\":\"someone else\"}|author",
    })
    void badNoteBody_isBadRequestNamingTheField(String body, String field) {
        assertBadRequest(f.post("/events/" + f.errorDeath + "/notes", f.userToken, body), field);
    }

    @Test
    void anEmptyNoteBody_andATooLongNote_areBadRequests() {
        assertBadRequest(f.send("POST", "/events/" + f.errorDeath + "/notes", f.userToken, null), "body");
        assertBadRequest(f.post("/events/" + f.errorDeath + "/notes", f.userToken,
                "{\"text\":\"" + "x".repeat(EventEndpoints.MAX_NOTE_LENGTH + 1) + "\"}"), "text");
    }

    @ParameterizedTest(name = "POST retry {0} -> 400 {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"coronation\"}|type",
        "{\"identifier\":\"UIN\"}|identifier",
        "{\"from\":\"soon\"}|from",
        "{\"sender\":7}|sender",
        "{\"reason\":[\"x\"]}|reason",
        "{\"everything\":true}|everything",
    })
    void badBulkRetryBody_isBadRequest_andRetriesNothing(String body, String field) {
        assertBadRequest(f.post("/events/retry", f.adminToken, body), field);
    }

    @Test
    void badSingleRetryBody_isBadRequest() {
        assertBadRequest(f.post("/events/" + f.errorDeath + "/retry", f.adminToken, "{\"why\":\"x\"}"), "why");
        assertBadRequest(f.post("/events/" + f.errorDeath + "/retry", f.adminToken,
                "{\"reason\":\"" + "r".repeat(EventEndpoints.MAX_REASON_LENGTH + 1) + "\"}"), "reason");
    }

    @ParameterizedTest(name = "POST /senders {0} -> 400 {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"sender_id\":\"s1\",\"profile\":\"rot13\",\"jwks_url\":\"https://s1/jwks\"}|profile",
        "{\"sender_id\":\"s1\",\"jwks_url\":\"https://s1/jwks\"}|profile",
        "{\"sender_id\":\"s1\",\"profile\":7,\"jwks_url\":\"https://s1/jwks\"}|profile",
        "{\"profile\":\"jws-compact\",\"jwks_url\":\"https://s1/jwks\"}|sender_id",
        "{\"sender_id\":\"has space\",\"profile\":\"none\"}|sender_id",
        "{\"sender_id\":\"s1\",\"profile\":\"jws-compact\"}|jwks_url",
        "{\"sender_id\":\"s1\",\"profile\":\"jws-compact\",\"jwks_url\":\"ftp://s1/jwks\"}|jwks_url",
        "{\"sender_id\":\"s1\",\"profile\":\"jws-compact\",\"jwks_url\":\"not a url\"}|jwks_url",
        "{\"sender_id\":\"s1\",\"profile\":\"jws-compact\",\"jwks_url\":\"https://u:p@s1/jwks\"}|jwks_url",
        "{\"sender_id\":\"s1\",\"profile\":\"jws-compact\",\"jwks_url\":\"HTTPS://s1/jwks\"}|jwks_url",
        "{\"sender_id\":\"s1\",\"profile\":\"none\",\"allowed_algorithms\":[\"HS256\"]}|allowed_algorithms",
        "{\"sender_id\":\"s1\",\"profile\":\"none\",\"allowed_algorithms\":\"RS256\"}|allowed_algorithms",
        "{\"sender_id\":\"s1\",\"profile\":\"none\",\"active\":\"yes\"}|active",
        "{\"sender_id\":\"s1\",\"profile\":\"none\",\"keys\":{}}|keys",
        "{\"sender_id\":\"s1\",\"profile\":\"none\",\"notes\":false}|notes",
    })
    void badSenderDefinition_isBadRequestNamingTheField(String body, String field) {
        assertBadRequest(f.post("/senders", f.adminToken, body), field);
    }

    @Test
    void badSenderUpdate_isBadRequestNamingTheField() {
        String path = senderPath(SENDER_A);
        assertBadRequest(f.send("PUT", path, f.adminToken, "{\"profile\":\"unknown\"}"), "profile");
        assertBadRequest(f.send("PUT", path, f.adminToken, "{\"profile\":null}"), "profile");
        assertBadRequest(f.send("PUT", path, f.adminToken, "{\"active\":null}"), "active");
        assertBadRequest(f.send("PUT", path, f.adminToken, "{\"jwks_url\":null}"), "jwks_url");
        assertBadRequest(f.send("PUT", path, f.adminToken, "{\"name\":\"" + "n".repeat(201) + "\"}"), "name");
        assertBadRequest(f.send("PUT", path, f.adminToken, ""), "body");
    }

    @Test
    void aBodyThatIsNotDeclaredJson_isUnsupportedMediaType() {
        AdminApiFixture.Response r = f.send("POST", "/events/" + f.errorDeath + "/notes", "{\"text\":\"x\"}",
                Map.of("Authorization", "Bearer " + f.userToken), "text/plain");

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.errorCode()).isEqualTo("unsupported_media_type");
    }

    @Test
    void aJsonContentTypeWithCharset_isAccepted() {
        AdminApiFixture.Response r = f.send("POST", "/events/999/notes", "{\"text\":\"x\"}",
                Map.of("Authorization", "Bearer " + f.userToken), "application/json; charset=UTF-8");

        assertThat(r.status()).as("read, then the unknown event is reported").isEqualTo(404);
    }

    @Test
    void aTooLargeBody_isRefused() {
        AdminApiFixture.Response r = f.post("/events/" + f.errorDeath + "/notes", f.userToken,
                "{\"text\":\"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}");

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("payload_too_large");
    }

    @ParameterizedTest(name = "{0} {1} -> 405 Allow {2}")
    @CsvSource(delimiter = '|', value = {
        "DELETE|/events/1|GET",
        "PUT|/events/1|GET",
        "GET|/events/retry|POST",
        "GET|/events/1/retry|POST",
        "PATCH|/senders/x|DELETE, GET, PUT",
        "DELETE|/senders|GET, POST",
        "POST|/persons/1|GET",
        "POST|/stats|GET",
    })
    void aKnownPathWithAnotherMethod_isMethodNotAllowedWithAllow(String method, String path, String allow) {
        AdminApiFixture.Response r = f.send(method, path, f.adminToken, null);

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.errorCode()).isEqualTo("method_not_allowed");
        assertThat(r.header("Allow")).isEqualTo(allow);
    }
}
