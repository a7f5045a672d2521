package io.crvs.http.server;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
import org.xnio.Options;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The DCI receiver's Undertow server: the endpoints of {@link DciRoute} under every configured base path, our
 * JWKS at {@code /.well-known/jwks.json} and {@code /health}. Blocking work (parsing, verification, storage)
 * runs on worker threads, never on IO threads. Build with {@link #builder}, then {@link #start()} /
 * {@link #stop()}. Thread-safe.
 */
public final class DciHttpServer implements AutoCloseable {

    /** How long a request may stall (headers or body) before its connection is closed. */
    static final int READ_TIMEOUT_MILLIS = 20_000;
    /** How long an idle keep-alive connection is kept. */
    static final int IDLE_TIMEOUT_MILLIS = 60_000;

    /** Our JWKS when none is configured. */
    public static final String EMPTY_JWKS = "{\"keys\":[]}";

    private final DciServerConfig config;
    private final HttpHandler root;
    private Undertow undertow;
    private int boundPort = -1;

    private DciHttpServer(DciServerConfig config, HttpHandler root) {
        this.config = config;
        this.root = root;
    }

    public static Builder builder(DciServerConfig config, ReceiverPorts ports) {
        return new Builder(config, ports);
    }

    /**
     * Starts listening.
     *
     * @return the bound port (the ephemeral one when the configured port is 0)
     * @throws IllegalStateException when already started
     */
    public synchronized int start() {
        if (undertow != null) {
            throw new IllegalStateException("server already started");
        }
        Undertow server = Undertow.builder()
                .addHttpListener(config.port(), config.bindHost())
                .setWorkerThreads(config.workerThreads())
                // a connection that sends nothing for this long is closed (stalled uploads, idle keep-alives)
                .setSocketOption(Options.READ_TIMEOUT, READ_TIMEOUT_MILLIS)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, READ_TIMEOUT_MILLIS)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_TIMEOUT_MILLIS)
                .setHandler(root)
                .build();
        server.start();
        undertow = server;
        boundPort = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return boundPort;
    }

    /** Stops listening; does nothing when not started. */
    public synchronized void stop() {
        if (undertow != null) {
            undertow.stop();
            undertow = null;
            boundPort = -1;
        }
    }

    /** The bound port, or -1 when not started. */
    public synchronized int port() {
        return boundPort;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "DciHttpServer[" + config.bindHost() + ":" + config.port() + " " + root + "]";
    }

    /** Assembles a server; only the config and the ports are required. */
    public static final class Builder {
        private final DciServerConfig config;
        private final ReceiverPorts ports;
        private InstantSource clock = InstantSource.system();
        private Supplier<String> ownJwks = () -> EMPTY_JWKS;
        private ReceiveObserver observer = ReceiveObserver.NONE;
        private Supplier<String> correlationIds = () -> UUID.randomUUID().toString();
        private CallbackListener callbacks = CallbackListener.NONE;
        private final Map<String, HttpHandler> mounts = new LinkedHashMap<>();

        private Builder(DciServerConfig config, ReceiverPorts ports) {
            this.config = Objects.requireNonNull(config, "config");
            this.ports = Objects.requireNonNull(ports, "ports");
        }

        /** The clock for signature time windows, receipt times and answer timestamps (default: system). */
        public Builder clock(InstantSource value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Our own public keys, served at {@code /.well-known/jwks.json} (default {@value #EMPTY_JWKS}). */
        public Builder ownJwks(Supplier<String> value) {
            this.ownJwks = Objects.requireNonNull(value, "ownJwks");
            return this;
        }

        /** The metrics hook (default: none). */
        public Builder observer(ReceiveObserver value) {
            this.observer = Objects.requireNonNull(value, "observer");
            return this;
        }

        /** Told about each new verified callback ({@code on-search}, …) before it is stored (default: none). */
        public Builder callbacks(CallbackListener value) {
            this.callbacks = Objects.requireNonNull(value, "callbacks");
            return this;
        }

        /** Where new correlation ids come from (default: random UUIDs). */
        public Builder correlationIds(Supplier<String> value) {
            this.correlationIds = Objects.requireNonNull(value, "correlationIds");
            return this;
        }

        /**
         * Serves {@code handler} for {@code prefix} and every path below it (the admin API at {@code /api}, metrics
         * at {@code /metrics}). The handler runs on a worker thread behind the same error and body-limit handlers;
         * {@code exchange.getRelativePath()} is the part after the prefix. A prefix may not shadow a DCI base path.
         */
        public Builder mount(String prefix, HttpHandler handler) {
            Objects.requireNonNull(handler, "handler");
            if (prefix == null || !prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
                throw new IllegalArgumentException("mount prefix must look like /api, not " + prefix);
            }
            if (config.allBasePaths().contains(prefix) || prefix.equals(DciRoutes.HEALTH_PATH)
                    || mounts.containsKey(prefix)) {
                throw new IllegalArgumentException("mount prefix " + prefix + " is already in use");
            }
            mounts.put(prefix, handler);
            return this;
        }

        public DciHttpServer build() {
            InboundMessageProcessor processor = new InboundMessageProcessor(ports, clock, correlationIds, observer,
                    callbacks);
            HttpHandler routes = DciRoutes.build(config, processor, clock, ownJwks);
            if (!mounts.isEmpty()) {
                PathHandler paths = new PathHandler(routes);
                mounts.forEach(paths::addPrefixPath);
                routes = paths;
            }
            HttpHandler root = HandlerChain.of(config, routes, clock, correlationIds, observer);
            return new DciHttpServer(config, root);
        }
    }
}
