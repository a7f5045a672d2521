package io.crvs.bench.load;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.Map;

/** The benchmark senders' JWKS documents on a local port, as a CRVS publishes them. */
public final class JwksHost implements AutoCloseable {

    private final Undertow server;
    private final int port;

    /** @param documents JWKS document by path ({@code /cavage.jwks}) */
    public JwksHost(Map<String, String> documents) {
        Map<String, String> docs = Map.copyOf(documents);
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1).setWorkerThreads(1)
                .setHandler(exchange -> {
                    String doc = docs.get(exchange.getRequestPath());
                    if (doc == null) {
                        exchange.setStatusCode(404);
                        exchange.endExchange();
                        return;
                    }
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    exchange.getResponseSender().send(doc);
                }).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** {@code http://127.0.0.1:port} */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stop();
    }
}
