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
    private final DciHttpServer http;
    private final WorkerPool workers;
    private final ExecutorService keyRefresh;
    private final int port;
    private final Outbound outbound;
    private final ExecutorService reconcileRuns;

    private CrvsApplication(Components components, DciHttpServer http, WorkerPool workers,
                            ExecutorService keyRefresh, int port, Outbound outbound, ExecutorService reconcileRuns) {
        this.components = components;
        this.http = http;
        this.workers = workers;
        this.keyRefresh = keyRefresh;
        this.port = port;
        this.outbound = outbound;
        this.reconcileRuns = reconcileRuns;
    }

    /** Starts everything: database, HTTP server, workers. */
    public static CrvsApplication start(CrvsConfig config, InstantSource clock) {
        Components c = Components.open(config, clock);
        ExecutorService keyRefresh = daemonThread("crvs-jwks-refresh");
        ExecutorService reconcileRuns = daemonThread("crvs-reconcile");
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new QueueMetrics(c.events(), clock, metrics);
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
            var h = config.http();
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
                    .mount("/metrics", new TextResourceHandler(() -> new TextResourceHandler.Answer(200,
                            "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())))
                    .mount("/ready", new TextResourceHandler(() -> ready(c.database().readiness())))
                    .build();
            WorkerPool workers = new WorkerPool(processing, c.events(), clock, workersConfig.count(),
                    workersConfig.batchSize(), workersConfig.pollInterval(),
                    min(Duration.ofSeconds(10), workersConfig.lease().dividedBy(4)));
            int port = http.start();
            workers.start();
            LOG.info("CRVS receiver listening on http://{}:{}{}/notify (aliases {}), {}", h.host(), port,
                    h.basePath(), h.aliases(), c.database().toString());
            LOG.info("outbound: CRVS {} configured, keys in {}", outbound.client().crvsIds(),
                    outbound.keys().directory());
            return new CrvsApplication(c, http, workers, keyRefresh, port, outbound, reconcileRuns);
        } catch (RuntimeException e) {
            keyRefresh.shutdownNow();
            reconcileRuns.shutdownNow();
            c.close();
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

    @Override
    public void close() {
        LOG.info("shutting down: no new requests, finishing in-flight work");
        http.stop();
        workers.close();
        keyRefresh.shutdownNow();
        reconcileRuns.shutdownNow();
        components.close();
    }

    private static TextResourceHandler.Answer ready(Readiness r) {
        String body = "{\"status\":\"" + (r.ready() ? "READY" : "NOT_READY") + "\",\"database\":\""
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
