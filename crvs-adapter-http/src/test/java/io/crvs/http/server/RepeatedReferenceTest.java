package io.crvs.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.Verification;
import io.crvs.core.service.ReceiveNotificationService;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.core.testing.InMemoryTransactions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A new message that repeats an already stored reference id is acknowledged, not stored again, and reported. */
class RepeatedReferenceTest {

    private static String body(String messageId, String deathDate) {
        return "{\"signature\":\"x\",\"header\":{\"message_id\":\"" + messageId + "\",\"message_ts\":"
                + "\"2026-01-01T00:00:00Z\",\"action\":\"notify\",\"sender_id\":\"crvs\"},\"message\":{"
                + "\"transaction_id\":\"t\",\"notify_event\":[{\"reference_id\":\"race-ref-1\",\"data\":{"
                + "\"reg_event_type\":\"death\",\"reg_records\":{\"identifier\":[{\"identifier_type\":\"UIN\","
                + "\"identifier_value\":\"U-1\"}],\"death_date\":\"" + deathDate + "\"}}}]}}";
    }

    @Test
    void repeatedReferenceId_isAcknowledgedButReportedAndNotStoredTwice() throws Exception {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemorySenderRegistry senders = new InMemorySenderRegistry();
        senders.save(Sender.register("crvs", "CRVS", null, SignatureProfile.NONE, Set.of()));
        AtomicInteger received = new AtomicInteger();
        AtomicInteger repeated = new AtomicInteger();
        ReceiveObserver observer = new ReceiveObserver() {
            @Override
            public void received(String action, String senderId, int eventCount) {
                received.addAndGet(eventCount);
            }

            @Override
            public void repeatedEvents(String action, String senderId, int count) {
                repeated.addAndGet(count);
            }
        };
        ReceiverPorts ports = new ReceiverPorts(new ReceiveNotificationService(events,
                new InMemoryTransactions(events)), events, senders, (s, m, now) -> new Verification.Verified(null));
        try (DciHttpServer server = DciHttpServer.builder(DciServerConfig.defaults().withPort(0)
                .withBindHost("127.0.0.1").withPaths("/registry", List.of()), ports).observer(observer).build()) {
            int port = server.start();
            HttpClient client = HttpClient.newHttpClient();
            for (String[] m : new String[][] {{"m-1", "2025-01-01"}, {"m-2", "2025-02-02"}}) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/registry/notify")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(m[0], m[1]))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            }
        }
        assertThat(events.list(EventFilter.all(), PageRequest.first(10)).total()).isEqualTo(1);
        assertThat(received.get()).isEqualTo(1);
        assertThat(repeated.get()).isEqualTo(1);
    }
}
