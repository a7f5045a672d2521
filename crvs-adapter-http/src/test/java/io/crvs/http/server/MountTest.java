package io.crvs.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;

/** Mounted handlers (admin API, metrics) are served below their prefix, on worker threads. */
class MountTest {

    private static DciHttpServer.Builder builder() {
        InMemoryEventStore events = new InMemoryEventStore();
        ReceiverPorts ports = new ReceiverPorts(new ReceiveNotificationService(events, new InMemoryTransactions(events)),
                events, new InMemorySenderRegistry(), (s, m, now) -> new Verification.Verified(null));
        return DciHttpServer.builder(DciServerConfig.defaults().withPort(0).withBindHost("127.0.0.1")
                .withPaths("/registry", List.of("/crvs")), ports);
    }

    @Test
    void mountedHandler_seesTheRelativePathOnAWorkerThread() throws Exception {
        try (DciHttpServer server = builder().mount("/api", exchange -> exchange.getResponseSender().send(
                exchange.getRelativePath() + " io=" + exchange.isInIoThread())).build()) {
            int port = server.start();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/events/7")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("/events/7 io=false");
            HttpResponse<String> notify = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/registry/notify")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(notify.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void mountOverADciBasePath_isRefused() {
        assertThatThrownBy(() -> builder().mount("/crvs", exchange -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already in use");
        assertThatThrownBy(() -> builder().mount("api", exchange -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
