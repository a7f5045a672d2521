package io.crvs.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.SignatureVerifier;
import io.crvs.core.port.out.StoreUnavailableException;
import io.crvs.core.service.ReceiveNotificationService;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.core.testing.InMemoryTransactions;
import io.crvs.core.testing.MutableClock;
import io.crvs.http.envelope.EnvelopeJson;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A real {@link DciHttpServer} on 127.0.0.1 (ephemeral port) over the core's in-memory adapters, with a
 * java.net.http client, a fixed clock, an observer that records what it is told, and switchable store faults.
 */
final class ServerFixture implements AutoCloseable {

    static final String SENDER = "crvs.example.gov";
    static final Instant NOW = Instant.parse("2026-01-01T00:00:10Z");

    final InMemoryEventStore store = new InMemoryEventStore();
    final InMemorySenderRegistry senders = new InMemorySenderRegistry();
    final MutableClock clock = new MutableClock(NOW);
    final Queue<String> observed = new ConcurrentLinkedQueue<>();
    volatile boolean storeFails;
    volatile boolean findFails;
    private final AtomicInteger correlation = new AtomicInteger();
    private final DciHttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    ServerFixture(SignatureVerifier verifier, DciServerConfig config) {
        this(verifier, config, b -> b.ownJwks(
                () -> "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"ours\",\"x\":\"AA\"}]}"));
    }

    ServerFixture(SignatureVerifier verifier, DciServerConfig config, UnaryOperator<DciHttpServer.Builder> options) {
        this(fixture -> verifier, config, options);
    }

    /** With a verifier built over this fixture's sender registry and clock. */
    ServerFixture(Function<ServerFixture, SignatureVerifier> verifierFactory, DciServerConfig config,
                  UnaryOperator<DciHttpServer.Builder> options) {
        SignatureVerifier verifier = verifierFactory.apply(this);
        EventStore faulty = faultyView(store);
        ReceiveNotificationService service = new ReceiveNotificationService(faulty, new InMemoryTransactions(store));
        ReceiveObserver observer = new ReceiveObserver() {
            @Override
            public void received(String action, String senderId, int eventCount) {
                observed.add("received " + action + " " + senderId + " " + eventCount);
            }

            @Override
            public void duplicate(String action, String senderId) {
                observed.add("duplicate " + action + " " + senderId);
            }

            @Override
            public void rejected(String reason, int httpStatus) {
                observed.add("rejected " + reason + " " + httpStatus);
            }
        };
        server = options.apply(DciHttpServer.builder(config, new ReceiverPorts(service, faulty, senders, verifier))
                .clock(clock).observer(observer)
                .correlationIds(() -> "corr-" + correlation.incrementAndGet()))
                .build();
        port = server.start();
    }

    static DciServerConfig testConfig() {
        return DciServerConfig.defaults().withPort(0).withBindHost("127.0.0.1").withMaxBodyBytes(16 * 1024);
    }

    Sender register(String senderId, SignatureProfile profile) {
        return senders.save(Sender.register(senderId, senderId, "https://" + senderId + "/.well-known/jwks.json",
                profile, Set.of()));
    }

    /**
     * The store as the server sees it: {@code storeFails}: {@code store} fails after writing (rolled back);
     * {@code findFails}: the database is down for the duplicate check, which is {@code findMessage} or the
     * {@code store} that finds the first delivery (nothing written).
     */
    private EventStore faultyView(EventStore delegate) {
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, args) -> {
                    if (findFails && (method.getName().equals("findMessage") || method.getName().equals("store"))) {
                        throw new StoreUnavailableException("database down", null);
                    }
                    try {
                        Object result = method.invoke(delegate, args);
                        if (storeFails && method.getName().equals("store")) {
                            throw new StoreUnavailableException("connection lost before commit", null);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Response post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Response post(String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length == 0) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError("HTTP exchange failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Every stored event, oldest first. */
    List<VitalEvent> storedEvents() {
        List<VitalEvent> events = new ArrayList<>(store.list(EventFilter.all(), PageRequest.first(1000)).items());
        events.sort((a, b) -> Long.compare(a.id().value(), b.id().value()));
        return events;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** An HTTP answer with its body parsed as JSON. */
    record Response(int status, HttpHeaders headers, byte[] bytes) {
        JsonNode json() {
            try {
                return EnvelopeJson.MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
            }
        }

        String ackStatus() {
            return json().path("message").path("ack_status").asText();
        }

        String errorCode() {
            return json().path("message").path("error").path("code").asText();
        }

        String errorMessage() {
            return json().path("message").path("error").path("message").asText();
        }

        String correlationId() {
            return json().path("message").path("correlation_id").asText();
        }
    }
}
