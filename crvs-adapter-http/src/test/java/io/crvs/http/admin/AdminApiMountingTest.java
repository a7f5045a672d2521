package io.crvs.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.core.domain.Verification;
import io.crvs.core.port.out.StoreUnavailableException;
import io.crvs.core.service.ReceiveNotificationService;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.core.testing.InMemoryTransactions;
import io.crvs.http.server.DciHttpServer;
import io.crvs.http.server.DciServerConfig;
import io.crvs.http.server.ReceiverPorts;
import io.undertow.Handlers;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler is self-contained: it answers in its own JSON format when mounted in the DCI server (behind the
 * DCI error handler), dispatches itself when called on an IO thread, and turns store faults into 503 / 500
 * without revealing internals.
 */
class AdminApiMountingTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private AdminApiFixture f;

    @BeforeEach
    void start() {
        f = new AdminApiFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mountedInTheDciServer_servesAndRefusesInItsOwnFormat() throws Exception {
        InMemoryEventStore events = new InMemoryEventStore();
        ReceiverPorts ports = new ReceiverPorts(new ReceiveNotificationService(events, new InMemoryTransactions(events)),
                events, new InMemorySenderRegistry(), (s, m, now) -> new Verification.Verified(null));
        try (DciHttpServer server = DciHttpServer.builder(DciServerConfig.defaults().withPort(0)
                .withBindHost("127.0.0.1").withPaths("/registry", List.of()), ports)
                .mount(AdminApi.PREFIX, f.api).build()) {
            int port = server.start();

            HttpResponse<String> me = get(port, "/api/me", f.adminToken);
            HttpResponse<String> refused = get(port, "/api/events/abc", f.adminToken);
            HttpResponse<String> anonymous = get(port, "/api/stats", null);

            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(json.readTree(me.body()).get("name").asText()).isEqualTo("ada.admin");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get("error").get("code").asText()).isEqualTo("bad_request");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(json.readTree(anonymous.body()).get("error").get("code").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void calledOnAnIoThread_dispatchesItselfToAWorker() throws Exception {
        Undertow plain = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(Handlers.path().addPrefixPath(AdminApi.PREFIX, f.api)).build();
        plain.start();
        try {
            int port = ((InetSocketAddress) plain.getListenerInfo().get(0).getAddress()).getPort();

            HttpResponse<String> r = get(port, "/api/events?state=error", f.userToken);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json.readTree(r.body()).get("total").asInt()).isEqualTo(2);
        } finally {
            plain.stop();
        }
    }

    @Test
    void storeUnavailable_is503WithRetryAfter() {
        f.storeFault.set(() -> new StoreUnavailableException("connection refused", null));

        AdminApiFixture.Response r = f.get("/events", f.userToken);

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.errorCode()).isEqualTo("unavailable");
        assertThat(r.header("Retry-After")).isEqualTo(ErrorMapping.RETRY_AFTER_SECONDS);
    }

    @Test
    void anUnexpectedFault_is500_revealingNothing() {
        f.storeFault.set(() -> new IllegalStateException("pool exhausted at db-internal-7:5432"));

        AdminApiFixture.Response r = f.post("/events/" + f.errorDeath + "/notes", f.userToken, "{\"text\":\"x\"}");

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.errorCode()).isEqualTo("internal_error");
        assertThat(r.body()).doesNotContain("db-internal").doesNotContain("pool");
        f.storeFault.set(null);
        assertThat(f.event(f.errorDeath).notes()).isEmpty();
    }
}
