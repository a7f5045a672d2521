package io.crvs.bench.server;

import io.undertow.Undertow;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP ceiling: Undertow (the product's version and worker-thread count) with a POST handler that does
 * nothing but what every request of the receiver must do at least: dispatch to a worker thread, read the whole
 * body, answer 202 with an ACK-sized JSON body. Run in its own JVM: {@code EmptyPostServer <port> <workers>}.
 */
public final class EmptyPostServer {

    private static final byte[] ACK = ("{\"message\":{\"ack_status\":\"ACK\",\"timestamp\":\"2026-01-01T00:00:00.000+00:00\","
            + "\"correlation_id\":\"00000000-0000-0000-0000-000000000000\"}}").getBytes(StandardCharsets.US_ASCII);

    private EmptyPostServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int workers = Integer.parseInt(args[1]);
        Undertow server = Undertow.builder().addHttpListener(port, "127.0.0.1").setWorkerThreads(workers)
                .setHandler(new BlockingHandler(exchange -> {
                    exchange.getInputStream().readAllBytes();
                    exchange.setStatusCode("POST".equals(exchange.getRequestMethod().toString()) ? 202 : 200);
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    exchange.getResponseSender().send(ByteBuffer.wrap(ACK));
                })).build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
}
