package io.crvs.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The routing table: {@code POST {base}{route}} for every {@link DciRoute} and every base path (JSON bodies
 * only), {@code GET /.well-known/jwks.json} and {@code GET /health}; 405 for a known path with another method,
 * 404 for anything else.
 */
final class DciRoutes {

    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String HEALTH_PATH = "/health";
    private static final String HEALTH_UP = "{\"status\":\"UP\"}";

    private DciRoutes() {
    }

    static HttpHandler build(DciServerConfig config, InboundMessageProcessor processor, InstantSource clock,
                             Supplier<String> ownJwks) {
        RoutingHandler routing = new RoutingHandler();
        Map<String, String> allowed = new HashMap<>();
        for (String base : config.allBasePaths()) {
            for (DciRoute route : DciRoute.values()) {
                String path = base + route.path();
                routing.post(path, new JsonContentTypeHandler(new DciMessageHandler(route, processor, clock)));
                allowed.put(path, "POST");
            }
        }
        routing.get(JWKS_PATH, new JsonResourceHandler("jwks", ownJwks));
        allowed.put(JWKS_PATH, "GET");
        routing.get(HEALTH_PATH, new JsonResourceHandler("health", () -> HEALTH_UP));
        allowed.put(HEALTH_PATH, "GET");
        routing.setInvalidMethodHandler(RejectingHandler.methodNotAllowed(allowed));
        routing.setFallbackHandler(RejectingHandler.notFound());
        return routing;
    }
}
