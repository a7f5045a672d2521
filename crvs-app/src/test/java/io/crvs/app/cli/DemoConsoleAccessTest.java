package io.crvs.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.app.CrvsApplication;
import io.crvs.app.config.ConfigLoader;
import io.crvs.app.config.Setting;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --keep-running} prints the console's address and working tokens for a demo admin and user. */
class DemoConsoleAccessTest {

    @TempDir
    Path dir;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void printsTheConsoleAddressAndATokenPerRole_thatTheApiAccepts() throws Exception {
        try (CrvsApplication app = CrvsApplication.start(ConfigLoader.load(null, Map.of(), Map.of(
                Setting.DB_URL, "", Setting.DB_DATA_DIR, dir.resolve("pg").toString(), Setting.HTTP_PORT, "0",
                Setting.WORKERS, "0", Setting.LOG_LEVEL, "warn")), InstantSource.system())) {
            StringWriter text = new StringWriter();
            DemoCommand.printConsoleAccess(app, new PrintWriter(text, true));

            String console = "http://127.0.0.1:" + app.port() + "/console/";
            assertThat(text.toString()).contains("Admin console: " + console);
            HttpResponse<String> page = get(console, null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");

            for (String role : new String[] {"admin", "user"}) {
                Matcher m = Pattern.compile("sign in as demo-" + role + "\\s+\\(" + role + "\\s*\\) with token (\\S+)")
                        .matcher(text.toString());
                assertThat(m.find()).as(text.toString()).isTrue();
                HttpResponse<String> me = get("http://127.0.0.1:" + app.port() + "/api/me", m.group(1));
                assertThat(me.statusCode()).isEqualTo(200);
                assertThat(me.body()).isEqualTo("{\"name\":\"demo-" + role + "\",\"role\":\"" + role + "\"}");
            }
            assertThat(get("http://127.0.0.1:" + app.port() + "/api/me", "crvs_not-a-token").statusCode())
                    .isEqualTo(401);
        }
    }
}
