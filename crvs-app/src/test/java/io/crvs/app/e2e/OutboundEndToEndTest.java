package io.crvs.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.app.CrvsApplication;
import io.crvs.app.config.ConfigLoader;
import io.crvs.app.config.CrvsConfig;
import io.crvs.app.config.Setting;
import io.crvs.core.domain.ApiUser;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.Role;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.out.EventStore;
import io.crvs.http.admin.ApiTokens;
import io.crvs.http.testing.MockCrvs;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound client end to end: the whole application on PostgreSQL against a mock CRVS that verifies our
 * signatures with the JWKS we publish. Through the admin API: verify a birth, check a death, subscribe (the
 * CRVS's on-subscribe callback activates it), receive and apply a notify the CRVS then pushes, reconcile (a
 * missed death and a missed divorce are queued and applied), unsubscribe. Then the command line against the same
 * database with the server stopped.
 */
class OutboundEndToEndTest {

    static final String US = "registry.e2e.example";
    static final String CRVS = "crvs.e2e.example";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Map<Setting, String> settings(int port, Path crvsFile) {
        Map<Setting, String> o = new EnumMap<>(Setting.class);
        o.put(Setting.DB_URL, "");
        o.put(Setting.DB_DATA_DIR, dir.resolve("pg").toString());
        o.put(Setting.KEYS_DIR, dir.resolve("keys").toString());
        o.put(Setting.HTTP_PORT, Integer.toString(port));
        o.put(Setting.WORKERS, "2");
        o.put(Setting.WORKERS_POLL, "PT0.05S");
        o.put(Setting.LOG_LEVEL, "warn");
        o.put(Setting.DCI_SENDER_ID, US);
        o.put(Setting.OUTBOUND_FILE, crvsFile.toString());
        o.put(Setting.OUTBOUND_CALLBACK_URL, "http://127.0.0.1:" + port + "/registry");
        o.put(Setting.RECONCILE_BATCH, "2");
        return o;
    }

    private JsonNode api(String method, int port, String path, String token, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api" + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = json.readTree(response.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("_status", response.statusCode());
        return node;
    }

    private static RegistryPerson person(CrvsApplication app, String uin) {
        return app.components().partners().findByIdentifier(Identifier.of("UIN", uin)).get(0);
    }

    @Test
    void verifySubscribeNotifyReconcileUnsubscribe_thenTheCommandLine() throws Exception {
        int port = freePort();
        try (MockCrvs crvs = new MockCrvs(CRVS)) {
            crvs.holds(MockCrvs.person("Nova", "Testfamily", "2025-03-10", "BRN", "B-2025-1", "UIN", "U-NOVA"));
            crvs.holds(MockCrvs.person("Orin", "Placeholder", "1941-07-01", "UIN", "U-ORIN", "DRN", "D-2025-42")
                    .put("death_date", "2025-03-12T22:40:00+00:00"));
            crvs.holds(MockCrvs.person("Cleo", "Specimen", "1990-02-02", "UIN", "U-CLEO")
                    .put("marital_status", "D").put("marriage_date", "2019-06-15").put("divorce_date", "2025-03-01"));
            Path crvsFile = dir.resolve("crvs-outbound.properties");
            Files.writeString(crvsFile, "crvs." + CRVS + ".base-url=" + crvs.baseUrl() + "\n"
                    + "crvs." + CRVS + ".read-timeout=PT10S\n");
            Map<Setting, String> settings = settings(port, crvsFile);
            CrvsConfig config = ConfigLoader.load(null, Map.of(), settings);

            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            assertThat(runCli(out, settings, "keys", "generate")).as(out.toString()).isZero();
            assertThat(out.toString()).contains("generated signing key " + US + "|key-");
            String token = ApiTokens.generate();
            try (CrvsApplication app = CrvsApplication.start(config, InstantSource.system())) {
                app.components().senders().save(crvs.asSender());
                app.components().users().save(new ApiUser("ada", Role.ADMIN, ApiTokens.hash(token),
                        java.time.Instant.now(), true));
                crvs.trust(US, "http://127.0.0.1:" + port + "/.well-known/jwks.json",
                        SignatureProfile.DCI_CAVAGE_ED25519);
                RegistryPerson nova = app.components().partners().add(RegistryPerson.newPerson(
                        PersonName.of("Nova", "Testfamily"), LocalDate.of(2025, 3, 10),
                        List.of(Identifier.of("UIN", "U-NOVA"))));
                app.components().partners().add(RegistryPerson.newPerson(PersonName.of("Orin", "Placeholder"),
                        LocalDate.of(1941, 7, 1), List.of(Identifier.of("UIN", "U-ORIN"))));
                app.components().partners().add(new RegistryPerson(null, PersonName.of("Cleo", "Specimen"), null,
                        false, null, CivilStatus.MARRIED, LocalDate.of(2019, 6, 15),
                        List.of(Identifier.of("UIN", "U-CLEO")), 0));

                JsonNode birth = api("GET", port, "/crvs/verify-birth?identifier=BRN:B-2025-1", token, null);
                assertThat(birth.get("result").asText()).as(birth.toString()).isEqualTo("found");
                out.reset();
                assertThat(runCli(out, settings, "keys", "rotate")).as(out.toString()).isZero();
                assertThat(out.toString()).contains("still published until");
                assertThat(birth.get("record").get("name").get("given_name").asText()).isEqualTo("Nova");
                JsonNode death = api("GET", port, "/crvs/check-death?identifier=UIN:U-ORIN", token, null);
                assertThat(death.get("result").asText()).isEqualTo("deceased");
                assertThat(death.get("death_date").asText()).isEqualTo("2025-03-12");

                JsonNode sub = api("POST", port, "/subscriptions", token, "{\"event_type\":\"death\"}");
                assertThat(sub.get("_status").asInt()).as(sub.toString()).isEqualTo(201);
                String id = sub.get("id").asText();
                assertThat(AppFixture.eventually(() -> status(port, token, id).equals("active"))).isTrue();

                assertThat(crvs.pushNotify(URI.create("http://127.0.0.1:" + port + "/registry/notify"),
                        "spdci-common:RegistryEventType:Death", MockCrvs.person("Nova", "Testfamily", "2025-03-10",
                                "UIN", "U-NOVA").put("death_date", "2026-01-05"))).isEqualTo(202);
                assertThat(AppFixture.eventually(() -> person(app, "U-NOVA").deceased())).isTrue();
                assertThat(person(app, "U-NOVA").id()).isEqualTo(nova.id());

                JsonNode run = api("POST", port, "/reconcile", token, "{}");
                assertThat(run.get("_status").asInt()).as(run.toString()).isEqualTo(202);
                assertThat(AppFixture.eventually(() -> reconcileState(port, token).equals("finished"))).isTrue();
                JsonNode report = api("GET", port, "/reconcile", token, null).get("run");
                assertThat(report.get("persons_checked").asInt()).isEqualTo(3);
                assertThat(report.get("events_queued").asInt()).as(report.toString()).isEqualTo(2);
                assertThat(AppFixture.eventually(() -> person(app, "U-ORIN").deceased()
                        && person(app, "U-CLEO").civilStatus() == CivilStatus.DIVORCED)).isTrue();
                assertThat(person(app, "U-ORIN").deathDate()).isEqualTo(LocalDate.of(2025, 3, 12));
                assertThat(person(app, "U-ORIN").identifiers()).contains(Identifier.of("DRN", "D-2025-42"));
                List<VitalEvent> reconciled = app.components().events().list(EventFilter.all().withSender(CRVS),
                        PageRequest.first(50)).items().stream()
                        .filter(e -> e.source().equals(EventStore.SOURCE_RECONCILE)).toList();
                assertThat(reconciled).hasSize(2).allSatisfy(e -> assertThat(e.state()).isEqualTo(EventState.PROCESSED));
                assertThat(crvs.requestsTo("/sync/search").get(crvs.requestsTo("/sync/search").size() - 1).body()
                        .path("message").path("search_request")).hasSize(1);

                JsonNode ended = api("POST", port, "/subscriptions/" + id + "/unsubscribe", token, null);
                assertThat(ended.get("_status").asInt()).as(ended.toString()).isEqualTo(200);
                assertThat(AppFixture.eventually(() -> status(port, token, id).equals("unsubscribed"))).isTrue();

                String jwks = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(json.readTree(jwks).get("keys")).as("the rotated-out key stays published").hasSize(2);
                assertThat(jwks).contains(app.outbound().keys().signingKey().keyId());
            }

            out.reset();
            int code = runCli(out, settings, "check-death", "U-ORIN");
            assertThat(code).as(out.toString()).isZero();
            assertThat(out.toString()).contains("deceased on 2025-03-12");
            out.reset();
            assertThat(runCli(out, settings, "subscriptions", "list")).isZero();
            assertThat(out.toString()).contains("unsubscribed");
        }
    }

    private String status(int port, String token, String id) {
        try {
            return api("GET", port, "/subscriptions/" + id, token, null).get("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String reconcileState(int port, String token) {
        try {
            return api("GET", port, "/reconcile", token, null).get("run").get("state").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the command line with the settings as environment-free options (a properties file). */
    private int runCli(java.io.ByteArrayOutputStream out, Map<Setting, String> settings, String... args)
            throws IOException {
        Path file = dir.resolve("cli.properties");
        StringBuilder sb = new StringBuilder();
        settings.forEach((k, v) -> sb.append(k.key()).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(file, sb.toString());
        picocli.CommandLine cl = io.crvs.app.cli.CrvsCommand.commandLine();
        java.io.PrintWriter w = new java.io.PrintWriter(out, true);
        cl.setOut(w);
        cl.setErr(w);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = file.toString();
        return cl.execute(all);
    }
}
