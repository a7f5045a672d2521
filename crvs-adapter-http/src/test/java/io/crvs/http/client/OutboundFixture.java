package io.crvs.http.client;

import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.service.CrvsService;
import io.crvs.core.service.ReceiveNotificationService;
import io.crvs.core.service.SubscriptionCallbackService;
import io.crvs.core.service.SubscriptionService;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemoryPartnerRepository;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.core.testing.InMemorySubscriptionStore;
import io.crvs.core.testing.InMemoryTransactions;
import io.crvs.http.keys.JwksKeyFetcher;
import io.crvs.http.keys.KeySettings;
import io.crvs.http.keys.SenderKeyCache;
import io.crvs.http.keystore.OwnKeyStore;
import io.crvs.http.server.CallbackListener;
import io.crvs.http.server.DciHttpServer;
import io.crvs.http.server.DciServerConfig;
import io.crvs.http.server.ReceiverPorts;
import io.crvs.http.signature.ProfileSignatureVerifier;
import io.crvs.http.signature.SignatureSettings;
import io.crvs.http.signing.Ed25519SigningKey;
import io.crvs.http.testing.MockCrvs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Our side of the outbound tests, wired as the application does over the core's in-memory adapters: a key store
 * with one key, our DCI server on 127.0.0.1 (ephemeral port) publishing our JWKS and taking the CRVS's callbacks
 * and notifies, the CRVS registered as a sender (verified by its published JWKS), the HTTP client with our
 * callback URL, and the core services on top. The {@link MockCrvs} trusts us through our published JWKS.
 */
final class OutboundFixture implements AutoCloseable {

    static final String US = "registry.test.example";

    final MockCrvs crvs;
    final InMemorySenderRegistry senders = new InMemorySenderRegistry();
    final InMemoryEventStore events = new InMemoryEventStore();
    final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    final InMemoryPartnerRepository partners = new InMemoryPartnerRepository();
    final InMemoryTransactions tx = new InMemoryTransactions(events, subscriptions, partners);
    final OwnKeyStore keys;
    final ProfileSignatureVerifier verifier;
    final DciHttpServer server;
    final SubscriptionCallbackService subscriptionCallbacks;
    /** The pauses the client made between attempts (it does not really sleep in tests). */
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final AtomicReference<CallbackListener> callbacks = new AtomicReference<>(CallbackListener.NONE);
    private final int port;
    private final CrvsEndpoint endpoint;
    HttpCrvsRegistryClient client;
    CrvsService lookups;
    SubscriptionService subscribing;

    /**
     * @param endpoint    changes to the default endpoint (sync, 3 attempts from 100 ms, timeouts 2 s / 5 s)
     * @param signingKeys our signing key source, or {@code null} for the key store's
     * @param ourProfile  how we sign, and how the CRVS verifies us
     */
    OutboundFixture(MockCrvs crvs, Path keyDir, UnaryOperator<CrvsEndpoint> endpoint,
                    Supplier<Ed25519SigningKey> signingKeys, SignatureProfile ourProfile) {
        this.crvs = crvs;
        keys = OwnKeyStore.open(keyDir, Duration.ofDays(7), InstantSource.system());
        keys.generate(US);
        senders.save(crvs.asSender());
        KeySettings keySettings = KeySettings.defaults();
        verifier = new ProfileSignatureVerifier(new SenderKeyCache(new JwksKeyFetcher(keySettings,
                InstantSource.system()), senders, keySettings, InstantSource.system(), Runnable::run),
                SignatureSettings.defaults());
        subscriptionCallbacks = new SubscriptionCallbackService(subscriptions, events, tx, InstantSource.system());
        server = DciHttpServer.builder(DciServerConfig.defaults().withPort(0).withBindHost("127.0.0.1"),
                        new ReceiverPorts(new ReceiveNotificationService(events, tx), events, senders, verifier))
                .ownJwks(keys::publishedJwks).callbacks((r, s, c) -> callbacks.get().received(r, s, c)).build();
        port = server.start();
        this.endpoint = endpoint.apply(CrvsEndpoint.of(crvs.senderId, crvs.baseUrl())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withRetries(3, Duration.ofMillis(100))
                .withProfile(ourProfile));
        use(settings(true), this.endpoint, signingKeys != null ? signingKeys : keys::signingKey);
        crvs.trust(US, ourJwksUrl(), ourProfile);
    }

    OutboundFixture(MockCrvs crvs, Path keyDir) {
        this(crvs, keyDir, e -> e, null, SignatureProfile.DCI_CAVAGE_ED25519);
    }

    OutboundFixture(MockCrvs crvs, Path keyDir, UnaryOperator<CrvsEndpoint> endpoint) {
        this(crvs, keyDir, endpoint, null, SignatureProfile.DCI_CAVAGE_ED25519);
    }

    /** Our settings: callbacks to our server, async timeout 10 s, signatures valid 5 min. */
    ClientSettings settings(boolean served) {
        return new ClientSettings(US, callbackBase(), Duration.ofSeconds(10), Duration.ofMinutes(5), served);
    }

    CrvsEndpoint endpoint() {
        return endpoint;
    }

    /** Rebuilds the client (and the services over it) with other settings; the server takes its callbacks. */
    void use(ClientSettings settings, CrvsEndpoint e, Supplier<Ed25519SigningKey> signingKeys) {
        client = HttpCrvsRegistryClient.builder(settings, signingKeys, senders, verifier).endpoints(List.of(e))
                .sleeper(pauses::add).build();
        callbacks.set(client.callbackListener(subscriptionCallbacks));
        lookups = new CrvsService(client);
        subscribing = new SubscriptionService(client, subscriptions, events, tx, InstantSource.system(),
                () -> UUID.randomUUID().toString());
    }

    String ourJwksUrl() {
        return "http://127.0.0.1:" + port + "/.well-known/jwks.json";
    }

    URI notifyUrl() {
        return URI.create("http://127.0.0.1:" + port + "/registry/notify");
    }

    URI callbackBase() {
        return URI.create("http://127.0.0.1:" + port + "/registry");
    }

    @Override
    public void close() {
        server.stop();
        crvs.close();
    }
}
