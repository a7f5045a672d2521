package io.crvs.http.server;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.time.InstantSource;
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

        /** Where new correlation ids come from (default: random UUIDs). */
        public Builder correlationIds(Supplier<String> value) {
            this.correlationIds = Objects.requireNonNull(value, "correlationIds");
            return this;
        }

        public DciHttpServer build() {
            InboundMessageProcessor processor = new InboundMessageProcessor(ports, clock, correlationIds, observer);
            HttpHandler routes = DciRoutes.build(config, processor, clock, ownJwks);
            HttpHandler root = HandlerChain.of(config, routes, clock, correlationIds, observer);
            return new DciHttpServer(config, root);
        }
    }
}
