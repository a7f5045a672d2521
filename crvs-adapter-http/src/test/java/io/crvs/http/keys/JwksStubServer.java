package io.crvs.http.keys;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test double of a sender's JWKS host on an ephemeral 127.0.0.1 port: serves a replaceable document (or an
 * error status), counts requests, and can be stopped to simulate an unreachable host.
 */
final class JwksStubServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<String> document = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicBoolean hanging = new AtomicBoolean();
    private final AtomicReference<String> redirect = new AtomicReference<>();

    JwksStubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            requests.incrementAndGet();
            if (hanging.get()) {
                awaitRelease();
            }
            if (redirect.get() != null) {
                exchange.getResponseHeaders().add("Location", redirect.get());
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            int code = status.get();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    void serve(String jwks) {
        document.set(jwks);
        status.set(200);
    }

    void failWith(int httpStatus) {
        status.set(httpStatus);
    }

    /** Every following request waits without answering until the server is closed. */
    void hang() {
        hanging.set(true);
    }

    /** Every following request is redirected to {@code location}. */
    void redirectTo(String location) {
        redirect.set(location);
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
