package io.crvs.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.app.CrvsApplication;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.signing.CavageSigner;
import io.crvs.http.signing.Ed25519SigningKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events received but not processed before a stop are processed after the next start; the sender's stored keys
 * verify after the restart although its JWKS host does not exist.
 */
class RestartEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void receivedBeforeStop_isProcessedAfterRestart() throws Exception {
        Ed25519SigningKey key = Ed25519SigningKey.generate("crvs.restart|k1|ed25519");
        Path pg = dir.resolve("pg");
        String unreachableJwks = "http://127.0.0.1:9/.well-known/jwks.json";

        try (CrvsApplication receiveOnly = AppFixture.start(pg, InstantSource.system(), 0)) {
            var c = receiveOnly.components();
            c.senders().save(Sender.register("crvs.restart", "Restart", unreachableJwks,
                    SignatureProfile.DCI_CAVAGE_ED25519, Set.of()));
            c.senders().saveKeys("crvs.restart", new SenderKeys(key.publicJwks(), unreachableJwks, Instant.now()));
            c.partners().add(RegistryPerson.newPerson(PersonName.of("Orin", "P"), null,
                    List.of(Identifier.of("UIN", "U-77"))));
            HttpResponse<String> r = post(receiveOnly.port(), key);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            Thread.sleep(300);
            assertThat(c.events().list(EventFilter.all().withState(EventState.RECEIVED), PageRequest.first(10))
                    .total()).isEqualTo(1);
        }

        try (CrvsApplication restarted = AppFixture.start(pg, InstantSource.system(), 2)) {
            var c = restarted.components();
            assertThat(AppFixture.eventually(() -> c.events().list(EventFilter.all().withState(
                    EventState.PROCESSED), PageRequest.first(10)).total() == 1)).isTrue();
            RegistryPerson orin = c.partners().findByIdentifier(Identifier.of("UIN", "U-77")).get(0);
            assertThat(orin.deceased()).isTrue();
            assertThat(orin.deathDate()).isEqualTo(LocalDate.of(2025, 3, 12));
            // the stored JWKS still verifies a new message with the JWKS host unreachable
            assertThat(post(restarted.port(), key).statusCode()).isEqualTo(202);
        }
    }

    private static HttpResponse<String> post(int port, Ed25519SigningKey key) throws Exception {
        ObjectNode header = EnvelopeJson.MAPPER.createObjectNode().put("message_id", "m-" + System.nanoTime())
                .put("message_ts", Instant.now().toString()).put("action", "notify")
                .put("sender_id", "crvs.restart").put("total_count", 1);
        ObjectNode message = EnvelopeJson.MAPPER.createObjectNode().put("transaction_id", "t-1");
        ObjectNode item = message.putArray("notify_event").addObject().put("reference_id", "r-" + System.nanoTime());
        ObjectNode data = item.putObject("data").put("reg_event_type", "death");
        ObjectNode person = data.putObject("reg_records");
        person.putArray("identifier").addObject().put("identifier_type", "UIN").put("identifier_value", "U-77");
        person.put("death_date", "2025-03-12");
        byte[] body = EnvelopeJson.MAPPER.writeValueAsBytes(new CavageSigner(key).envelope(header, message,
                Instant.now(), Duration.ofMinutes(5)));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/registry/notify")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
