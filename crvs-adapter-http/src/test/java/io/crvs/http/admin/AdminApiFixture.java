package io.crvs.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.core.domain.ApiUser;
import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.EventError;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.Role;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.KeyFetchException;
import io.crvs.core.port.out.KeyFetcher;
import io.crvs.core.domain.Subscription;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.service.CrvsService;
import io.crvs.core.service.ReconcileService;
import io.crvs.core.service.RetryEventService;
import io.crvs.core.service.SubscriptionService;
import io.crvs.core.testing.InMemoryApiUserStore;
import io.crvs.core.testing.InMemorySubscriptionStore;
import io.crvs.core.testing.StubCrvsRegistryClient;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemoryPartnerRepository;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.core.testing.InMemoryTransactions;
import io.crvs.core.testing.MutableClock;
import io.crvs.core.testing.TestEvents;
import io.crvs.http.keys.KeySettings;
import io.crvs.http.keys.SenderKeyCache;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.BlockingHandler;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The admin API on a real Undertow server (127.0.0.1, ephemeral port, mounted at {@code /api} behind a
 * BlockingHandler) over the core's in-memory adapters, seeded with senders, persons, events in every state and
 * three users; a java.net.http client; a switchable store fault; a stub JWKS fetcher behind a real
 * {@link SenderKeyCache}.
 */
final class AdminApiFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(2));
    static final String SENDER_A = "crvs.example.gov";
    /** A sender id with a slash and a colon, sent as {@code %2F} in paths. */
    static final String SENDER_B = "urn:opencrvs/dci";
    static final String JWKS_A = "https://crvs.example.gov/.well-known/jwks.json";
    static final String JWKS_B = "https://opencrvs.example.org/jwks.json";
    static final Instant KEYS_A_FETCHED = T0.minus(Duration.ofHours(1));
    static final String RAW_ENVELOPE = "{\"header\":{\"message_id\":\"m-birth-1\",\"sender_id\":\"crvs.example.gov\"},"
            + "\"message\":{\"amount\":1.10,\"notify_event\":[]}}";

    final InMemoryEventStore store = new InMemoryEventStore();
    final InMemorySenderRegistry senders = new InMemorySenderRegistry();
    final InMemoryPartnerRepository persons = new InMemoryPartnerRepository();
    final InMemoryApiUserStore users = new InMemoryApiUserStore();
    final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    /** The CRVS the CRVS routes ask: {@link #SENDER_A}, programmable. */
    final StubCrvsRegistryClient crvs = new StubCrvsRegistryClient(SENDER_A);
    /** An active subscription to SENDER_A's deaths. */
    Subscription activeSubscription;
    /** Runs reconciliations at once, on the request's thread. */
    ReconcileJobs reconcileJobs;
    final MutableClock clock = new MutableClock(T0);
    /** Audit lines recorded through {@link EventStore#audit} (admin actions). */
    final List<AuditEntry> adminAudit = new CopyOnWriteArrayList<>();
    /** When set, every store call throws what it supplies. */
    final AtomicReference<Supplier<RuntimeException>> storeFault = new AtomicReference<>();
    /** The document the stub JWKS host serves. */
    final AtomicReference<String> servedJwks = new AtomicReference<>(AdminTestKeys.threeKeys());
    /** When set, the stub JWKS host fails with this reason. */
    final AtomicReference<String> fetchFailure = new AtomicReference<>();

    final String adminToken = ApiTokens.generate();
    final String userToken = ApiTokens.generate();
    final String inactiveToken = ApiTokens.generate();

    PersonId personOne;
    PersonId personTwo;
    EventId processedBirth;
    EventId errorDeath;
    EventId errorMarriage;
    EventId receivedDivorce;

    final AdminApi api;
    private final Undertow server;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    AdminApiFixture() {
        EventStore events = faultyView(store);
        KeyFetcher fetcher = sender -> {
            String failure = fetchFailure.get();
            if (failure != null) {
                throw new KeyFetchException("HTTP " + failure + " from " + sender.jwksUrl(), null);
            }
            return new SenderKeys(servedJwks.get(), sender.jwksUrl(), clock.instant());
        };
        SenderKeyCache keyCache = new SenderKeyCache(fetcher, senders, KeySettings.defaults(), clock, Runnable::run);
        AdminPorts ports = new AdminPorts(events, new RetryEventService(events, new InMemoryTransactions(store), clock),
                senders, persons, users, keyCache::fetchNow, clock);
        InMemoryTransactions crvsTx = new InMemoryTransactions(store, subscriptions, persons);
        java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
        CrvsAdminPorts crvsPorts = new CrvsAdminPorts(new CrvsService(crvs),
                new SubscriptionService(crvs, subscriptions, events, crvsTx, clock, () -> "id-" + ids.incrementAndGet()),
                reconcileJobs = new ReconcileJobs(new ReconcileService(persons, crvs, events, crvsTx, clock,
                        () -> "run-" + ids.incrementAndGet()), Runnable::run, clock, 50));
        api = new AdminApi(ports, crvsPorts);
        seed();
        server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(Handlers.path(exchange -> {
                    exchange.setStatusCode(404);
                    exchange.getResponseSender().send("outside the admin API");
                }).addPrefixPath(AdminApi.PREFIX, new BlockingHandler(api)))
                .build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    private EventStore faultyView(EventStore target) {
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, args) -> {
                    Supplier<RuntimeException> fault = storeFault.get();
                    if (fault != null) {
                        throw fault.get();
                    }
                    if (method.getName().equals("audit")) {
                        adminAudit.add((AuditEntry) args[0]);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void seed() {
        users.save(new ApiUser("ada.admin", Role.ADMIN, ApiTokens.hash(adminToken), T0, true));
        users.save(new ApiUser("uma.user", Role.USER, ApiTokens.hash(userToken), T0, true));
        users.save(new ApiUser("old.admin", Role.ADMIN, ApiTokens.hash(inactiveToken), T0, false));

        senders.save(new Sender(SENDER_A, "Civil registry", JWKS_A, SignatureProfile.DCI_CAVAGE_ED25519, Set.of(),
                true, new SenderKeys(AdminTestKeys.twoKeys(), JWKS_A, KEYS_A_FETCHED), KEYS_A_FETCHED, null,
                "onboarded 2025"));
        senders.save(Sender.register(SENDER_B, "OpenCRVS", JWKS_B, SignatureProfile.JWS_COMPACT, Set.of("RS256")));

        personOne = persons.add(new RegistryPerson(null, PersonName.of("Amina", "Diallo"), LocalDate.of(1990, 4, 2),
                false, null, CivilStatus.MARRIED, LocalDate.of(2015, 6, 1),
                List.of(Identifier.of("UIN", "U-1001"), Identifier.of("MRN", "M-77")), 0)).id();
        personTwo = persons.add(new RegistryPerson(null, PersonName.of("Kofi", "Diallo"), LocalDate.of(1988, 1, 9),
                false, null, CivilStatus.MARRIED, LocalDate.of(2015, 6, 1),
                List.of(Identifier.of("UIN", "U-1002"), Identifier.of("MRN", "M-77")), 0)).id();

        processedBirth = storeOne(new ReceivedMessage(SENDER_A, "m-birth-1", "notify", "txn-1", "corr-1",
                SignatureProfile.DCI_CAVAGE_ED25519, RAW_ENVELOPE.getBytes(StandardCharsets.UTF_8), T0),
                TestEvents.birth().withIdentifier("BRN", "B-500").withIdentifier("UIN", "U-1001").build());
        claim(T0).forEach(e -> store.complete(e.lease(), ProcessingOutcome.APPLIED, personOne, T0));

        Instant t1 = T0.plus(Duration.ofHours(1));
        errorDeath = storeOne(TestEvents.message(SENDER_A, t1),
                TestEvents.death().withIdentifier("UIN", "U-9999").build());
        claim(t1).forEach(e -> store.fail(e.lease(), new EventError("no_match", "no registry person has the identifiers"),
                null, null, t1));

        Instant t2 = T0.plus(Duration.ofHours(2));
        errorMarriage = storeOne(TestEvents.message(SENDER_B, t2),
                TestEvents.marriage().withIdentifier("MRN", "M-77").build());
        claim(t2).forEach(e -> store.fail(e.lease(), new EventError("ambiguous_match", "2 persons match"),
                null, null, t2));

        Instant t3 = T0.plus(Duration.ofDays(1));
        receivedDivorce = storeOne(TestEvents.message(SENDER_B, t3),
                TestEvents.divorce().withIdentifier("UIN", "U-1001").build());
        activeSubscription = subscriptions.save(Subscription.pending("sub-active", SENDER_A, VitalEventType.DEATH,
                null, "txn-sub-1", "ada.admin", T0).confirmed("SUB-1", T0));
        clock.set(NOW);
    }

    private EventId storeOne(ReceivedMessage message, NewVitalEvent event) {
        StoreResult.Stored stored = (StoreResult.Stored) store.store(message, List.of(event));
        return stored.events().get(0).eventId();
    }

    private List<VitalEvent> claim(Instant at) {
        List<VitalEvent> claimed = store.claimDue(10, Duration.ofMinutes(5), at);
        if (claimed.size() != 1) {
            throw new IllegalStateException("expected one due event, got " + claimed.size());
        }
        return claimed;
    }

    VitalEvent event(EventId id) {
        return store.find(id).orElseThrow();
    }

    /** Everything the API could change, to compare before and after a refused call. */
    record State(List<Sender> senders, List<VitalEvent> events, List<List<AuditEntry>> histories,
                 List<AuditEntry> adminAudit, List<RegistryPerson> persons, long personUpdates,
                 List<Subscription> subscriptions, int crvsChanges, boolean reconcileRun) {
    }

    State state() {
        List<VitalEvent> all = store.list(EventFilter.all(), new PageRequest(0, 1000)).items();
        List<List<AuditEntry>> histories = new ArrayList<>();
        all.forEach(e -> histories.add(store.history(e.id())));
        List<RegistryPerson> people = new ArrayList<>();
        people.add(persons.find(personOne).orElseThrow());
        people.add(persons.find(personTwo).orElseThrow());
        return new State(senders.list(), all, histories, List.copyOf(adminAudit), people, persons.updateCount(),
                subscriptions.list(null), crvs.subscribes.size() + crvs.unsubscribes.size(),
                reconcileJobs.latest().isPresent());
    }

    /** The path with {@code %2F} for slashes of a sender id. */
    static String senderPath(String senderId) {
        return "/senders/" + senderId.replace("/", "%2F");
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    Response send(String method, String path, String token, String body) {
        return send(method, path, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token),
                body == null ? null : "application/json");
    }

    Response send(String method, String path, String body, Map<String, String> headers, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body(), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer of the API. */
    record Response(int status, HttpHeaders headers, String body, ObjectMapper mapper) {
        JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String errorCode() {
            return json().path("error").path("code").asText(null);
        }

        String errorField() {
            return json().path("error").path("field").asText(null);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
