package io.crvs.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.Verification;
import io.crvs.core.service.ReceiveNotificationService;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.core.testing.InMemoryTransactions;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that start a notify upload and stall hold no worker thread: with more stalled uploads than worker
 * threads, health checks and complete requests are still answered.
 */
class StalledUploadTest {

    @Test
    void moreStalledUploadsThanWorkers_doNotFreezeTheServer() throws Exception {
        InMemoryEventStore events = new InMemoryEventStore();
        ReceiverPorts ports = new ReceiverPorts(new ReceiveNotificationService(events,
                new InMemoryTransactions(events)), events, new InMemorySenderRegistry(),
                (s, m, now) -> new Verification.Verified(null));
        int workers = 4;
        try (DciHttpServer server = DciHttpServer.builder(new DciServerConfig(0, "127.0.0.1", "/registry",
                List.of("/crvs"), DciServerConfig.DEFAULT_MAX_BODY_BYTES, workers, 30), ports).build()) {
            int port = server.start();
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < workers * 3; i++) {
                    Socket s = new Socket("127.0.0.1", port);
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /registry/notify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    stalled.add(s);
                }
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + port + "/health")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                HttpResponse<String> notJson = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + port + "/registry/notify")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("not json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(notJson.statusCode()).isEqualTo(400);
                assertThat(notJson.body()).contains("err.request.bad");
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
        }
    }
}
