package io.crvs.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.app.CrvsApplication;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.testing.MutableClock;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every vector of ../shared/interop pushed through the real application (HTTP server, signature profiles, JWKS
 * fetched from a local stub, PostgreSQL, workers): valid ones are acknowledged and processed into person updates,
 * rejected ones are answered with their DCI error code and store nothing.
 */
class InteropVectorsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENDER = "crvs.example.gov";

    @TempDir
    static Path dir;

    private static Path interop;
    private static Undertow jwksHost;
    private static String jwksBase;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:10Z"));
    private static CrvsApplication app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        String configured = System.getProperty("crvs.interop.dir");
        interop = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "interop"))
                .toAbsolutePath().normalize();
        jwksHost = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange -> {
            Path file = interop.resolve("jwks").resolve(exchange.getRelativePath().substring(1)).normalize();
            if (!file.startsWith(interop.resolve("jwks")) || !Files.isRegularFile(file)) {
                exchange.setStatusCode(404);
                return;
            }
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send(Files.readString(file));
        }).build();
        jwksHost.start();
        jwksBase = "http://127.0.0.1:" + ((InetSocketAddress) jwksHost.getListenerInfo().get(0).getAddress())
                .getPort() + "/";
        app = AppFixture.start(dir.resolve("pg"), CLOCK, 2);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (jwksHost != null) {
            jwksHost.stop();
        }
    }

    private static void register(String senderId, String profile, String jwksFile) {
        app.components().senders().save(Sender.register(senderId, senderId, jwksBase + Path.of(jwksFile)
                .getFileName(), SignatureProfile.parse(profile), Set.of()));
    }

    private static void seed(JsonNode facts) {
        for (JsonNode event : facts.get("events")) {
            Identifier key = null;
            for (JsonNode id : event.get("identifiers")) {
                if (!id.get("type").asText().equals("MRN")) {
                    key = Identifier.of(id.get("type").asText(), id.get("value").asText());
                    break;
                }
            }
            if (key != null && app.components().partners().findByIdentifier(key).isEmpty()) {
                app.components().partners().add(RegistryPerson.newPerson(PersonName.of("Seeded", "Person"), null,
                        List.of(key)));
            }
        }
    }

    @Test
    void everyVector_throughTheRunningApplication() throws Exception {
        JsonNode manifest = JSON.readTree(interop.resolve("vectors.json").toFile());
        Set<String> storedMessageIds = new HashSet<>();
        List<JsonNode> valid = new ArrayList<>();
        int checked = 0;
        for (JsonNode v : manifest.get("vectors")) {
            String id = v.get("id").asText();
            byte[] body = Files.readAllBytes(interop.resolve(v.get("file").asText()));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                    .as(id + " sha256").isEqualTo(v.get("sha256").asText());
            register(v.get("sender_id").asText(), v.get("profile").asText(), v.get("jwks").asText());
            if (v.has("extra_senders")) {
                for (JsonNode extra : v.get("extra_senders")) {
                    register(extra.get("sender_id").asText(), extra.get("profile").asText(),
                            extra.get("jwks").asText());
                }
            }
            CLOCK.set(Instant.ofEpochSecond(v.get("verify_at").asLong()));
            boolean expectValid = v.get("expected").get("outcome").asText().equals("valid");
            if (expectValid) {
                seed(v.get("facts"));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                    + "/registry/notify")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            v.get("http_headers").fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(r.body());

            if (expectValid) {
                assertThat(r.statusCode()).as(id).isEqualTo(202);
                assertThat(answer.at("/message/ack_status").asText()).as(id).isEqualTo("ACK");
                storedMessageIds.add(v.at("/facts/message_id").asText());
                valid.add(v);
            } else {
                String code = v.at("/expected/error_code").asText();
                assertThat(r.statusCode()).as(id).isEqualTo(code.equals("err.request.bad") ? 400 : 401);
                assertThat(answer.at("/message/ack_status").asText()).as(id).isEqualTo("ERR");
                assertThat(answer.at("/message/error/code").asText()).as(id).isEqualTo(code);
                String messageId = messageIdOf(body);
                if (messageId != null && !storedMessageIds.contains(messageId)) {
                    assertThat(app.components().events().findMessage(SENDER, messageId)).as(id + " stored nothing")
                            .isEmpty();
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(manifest.get("vectors").size()).isEqualTo(95);

        assertThat(AppFixture.eventually(() -> app.components().events().list(EventFilter.all().withSender(SENDER)
                .withState(EventState.RECEIVED), PageRequest.first(1)).total() == 0
                && app.components().events().list(EventFilter.all().withSender(SENDER)
                .withState(EventState.PROCESSING), PageRequest.first(1)).total() == 0)).isTrue();
        for (JsonNode v : valid) {
            assertProcessed(v);
        }
    }

    private static String messageIdOf(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.at("/header/message_id").isTextual() ? n.at("/header/message_id").asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * Each event of a valid vector was processed and the person now shows it. An item whose reference id an earlier
     * vector already delivered (the same event signed another way) is that earlier event: it is not stored twice.
     */
    private static void assertProcessed(JsonNode v) {
        String id = v.get("id").asText();
        String messageId = v.at("/facts/message_id").asText();
        List<VitalEvent> all = app.components().events().list(EventFilter.all().withSender(SENDER),
                PageRequest.first(1000)).items();
        JsonNode facts = v.at("/facts/events");
        for (JsonNode fact : facts) {
            List<Identifier> ids = new ArrayList<>();
            fact.get("identifiers").forEach(i -> ids.add(Identifier.of(i.get("type").asText(),
                    i.get("value").asText())));
            String reference = fact.get("reference_id").isNull() ? null : fact.get("reference_id").asText();
            VitalEvent e = all.stream().filter(x -> reference != null ? reference.equals(x.referenceId())
                    : x.messageId().equals(messageId)).filter(x -> x.identifiers().equals(ids)).findFirst()
                    .orElseThrow(() -> new AssertionError(id + ": no stored event for " + reference));
            assertThat(e.state()).as(id).isEqualTo(EventState.PROCESSED);
            assertThat(e.outcome()).as(id).isIn(ProcessingOutcome.APPLIED, ProcessingOutcome.ALREADY_APPLIED);
            LocalDate date = LocalDate.parse(fact.get("event_date").asText());
            assertThat(e.eventDate()).as(id).isEqualTo(date);
            RegistryPerson p = app.components().partners().find(e.matchedPerson()).orElseThrow();
            assertThat(p.identifiers()).as(id).containsAll(ids);
            switch (fact.get("event_type").asText()) {
                case "LIVE_BIRTH" -> assertThat(p.birthDate()).as(id).isEqualTo(date);
                case "DEATH" -> {
                    assertThat(p.deceased()).as(id).isTrue();
                    assertThat(p.deathDate()).as(id).isEqualTo(date);
                }
                case "MARRIAGE" -> assertThat(p.civilStatus()).as(id).isEqualTo(CivilStatus.MARRIED);
                case "DIVORCE" -> assertThat(p.civilStatus()).as(id).isEqualTo(CivilStatus.DIVORCED);
                default -> throw new AssertionError("unexpected type in " + id);
            }
        }
    }
}
