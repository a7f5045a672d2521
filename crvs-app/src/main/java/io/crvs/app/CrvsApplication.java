package io.crvs.app;

import io.crvs.app.config.CrvsConfig;
import io.crvs.app.metrics.MeteredKeyFetcher;
import io.crvs.app.metrics.ProcessingMetrics;
import io.crvs.app.metrics.QueueMetrics;
import io.crvs.app.metrics.ReceiveMetrics;
import io.crvs.app.web.TextResourceHandler;
import io.crvs.app.worker.WorkerPool;
import io.crvs.core.service.ProcessDueEventsService;
import io.crvs.core.service.ReceiveNotificationService;
import io.crvs.core.service.RetryEventService;
import io.crvs.core.spi.HandlerRegistry;
import io.crvs.http.admin.AdminApi;
import io.crvs.http.admin.AdminPorts;
import io.crvs.http.admin.CrvsAdminPorts;
import io.crvs.http.admin.ReconcileJobs;
import io.crvs.http.console.ConsoleHandler;
import io.crvs.http.keys.JwksKeyFetcher;
import io.crvs.http.keys.KeySettings;
import io.crvs.http.keys.SenderKeyCache;
import io.crvs.http.server.DciHttpServer;
import io.crvs.http.server.DciServerConfig;
import io.crvs.http.server.ReceiverPorts;
import io.crvs.http.signature.ProfileSignatureVerifier;
import io.crvs.http.signature.SignatureSettings;
import io.crvs.jooq.DatabaseConfig;
import io.crvs.jooq.Readiness;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root: the only place that builds adapters and services and connects them. {@link #start} brings up
 * the database (embedded or external), the HTTP server and the processing workers; {@link #close} stops accepting
 * requests, lets the workers finish their batch, then closes the database.
 */
public final class CrvsApplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrvsApplication.class);

    private final Components components;
    private final Deque<AutoCloseable> resources;
    private final int port;
    private final Outbound outbound;

    private CrvsApplication(Components components, Deque<AutoCloseable> resources, int port, Outbound outbound) {
        this.components = components;
        this.resources = resources;
        this.port = port;
        this.outbound = outbound;
    }

    /** Starts everything: database, HTTP server, workers. */
    public static CrvsApplication start(CrvsConfig config, InstantSource clock) {
        var h = config.http();
        PortCheck.requireFree(h.host(), h.port());
        Components c = Components.open(config, clock);
        // closed in reverse order: HTTP first (no new requests), then workers, then the rest, the database last
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        resources.push(c);
        try {
            ExecutorService keyRefresh = daemonThread("crvs-jwks-refresh");
            resources.push(keyRefresh::shutdownNow);
            ExecutorService reconcileRuns = daemonThread("crvs-reconcile");
            resources.push(reconcileRuns::shutdownNow);
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            resources.push(new QueueMetrics(c.events(), clock, metrics));
            var security = config.security();
            KeySettings keySettings = KeySettings.defaults()
                    .withTtl(security.jwksTtl(), min(KeySettings.DEFAULT_REFRESH_AHEAD, security.jwksTtl().dividedBy(2)))
                    .withFetchCooldown(security.jwksCooldown()).withMaxStaleness(security.jwksMaxStaleness());
            SenderKeyCache keys = new SenderKeyCache(new MeteredKeyFetcher(new JwksKeyFetcher(keySettings, clock),
                    metrics, c.senders(), clock), c.senders(), keySettings, clock, keyRefresh);
            var verifier = new ProfileSignatureVerifier(keys,
                    new SignatureSettings(security.futureSkew(), security.maxValidity()));
            Outbound outbound = Outbound.create(config, c, verifier, true, System.getenv());
            var workersConfig = config.workers();
            var processing = new ProcessDueEventsService(c.events(), c.partners(), c.transactions(),
                    c.handlers(), workersConfig.retry(), workersConfig.lease(), clock, RandomGenerator.getDefault(),
                    new ProcessingMetrics(metrics));
            DciServerConfig serverConfig = new DciServerConfig(h.port(), h.host(), h.basePath(), h.aliases(),
                    h.bodyLimit(), h.workerThreads(), 30);
            DciHttpServer http = DciHttpServer.builder(serverConfig, new ReceiverPorts(
                            new ReceiveNotificationService(c.events(), c.transactions()), c.events(), c.senders(),
                            verifier))
                    .clock(clock)
                    .observer(new ReceiveMetrics(metrics))
                    .ownJwks(outbound.keys()::publishedJwks)
                    .callbacks(outbound.client().callbackListener(outbound.callbacks()))
                    .mount(AdminApi.PREFIX, new AdminApi(new AdminPorts(c.events(), new RetryEventService(c.events(),
                            c.transactions(), clock), c.senders(), c.partners(), c.users(), keys::fetchNow, clock),
                            new CrvsAdminPorts(outbound.lookups(), outbound.subscriptions(),
                                    new ReconcileJobs(outbound.reconcile(), reconcileRuns, clock,
                                            config.outbound().reconcileBatch()))))
                    .mount(ConsoleHandler.PREFIX, new ConsoleHandler())
                    .mount("/metrics", new TextResourceHandler(() -> new TextResourceHandler.Answer(200,
                            "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())))
                    .mount("/ready", new TextResourceHandler(() -> ready(c.database().readiness())))
                    .build();
            WorkerPool workers = new WorkerPool(processing, c.events(), clock, workersConfig.count(),
                    workersConfig.batchSize(), workersConfig.pollInterval(), workersConfig.linger(),
                    min(Duration.ofSeconds(10), workersConfig.lease().dividedBy(4)));
            resources.push(workers);
            int port = http.start();
            resources.push(http);
            workers.start();
            LOG.info("CRVS receiver listening on http://{}:{}{}/notify (aliases {}), {}", h.host(), port,
                    h.basePath(), h.aliases(), c.database().toString());
            LOG.info("outbound: CRVS {} configured, keys in {}", outbound.client().crvsIds(),
                    outbound.keys().directory());
            return new CrvsApplication(c, resources, port, outbound);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** The bound HTTP port. */
    public int port() {
        return port;
    }

    public Components components() {
        return components;
    }

    /** Our keys, the CRVS client and the outbound use cases. */
    public Outbound outbound() {
        return outbound;
    }

    /** Stops accepting requests, lets the workers finish their batch, then closes the rest, the database last. */
    @Override
    public void close() {
        LOG.info("shutting down: no new requests, finishing in-flight work");
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        synchronized (resources) {
            while (!resources.isEmpty()) {
                AutoCloseable r = resources.pop();
                try {
                    r.close();
                } catch (Exception e) { // keep closing the others
                    LOG.warn("error while stopping {}: {}", r, e.toString());
                }
            }
        }
    }

    private static TextResourceHandler.Answer ready(Readiness r) {
        String body = r.ready() ? "{\"status\":\"READY\"}" : "{\"status\":\"NOT_READY\",\"reason\":\""
                + r.detail().replace("\\", "\\\\").replace("\"", "'") + "\"}";
        return new TextResourceHandler.Answer(r.ready() ? 200 : 503, "application/json", body);
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The adapter's database settings from ours: embedded unless a URL is configured. */
    static DatabaseConfig databaseConfig(CrvsConfig config) {
        var d = config.database();
        return (d.embedded() ? DatabaseConfig.embedded(d.dataDir())
                : DatabaseConfig.external(d.url(), d.user(), d.password())).withMaxPoolSize(d.poolSize());
    }
}
