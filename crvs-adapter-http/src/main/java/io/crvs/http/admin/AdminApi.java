package io.crvs.http.admin;

import io.crvs.core.domain.ApiUser;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP adapter: the admin API, JSON in and out, as one self-contained Undertow handler to mount under a prefix
 * ({@value #PREFIX}) with a prefix-stripping handler such as {@code Handlers.path().addPrefixPath("/api", api)}:
 * it routes on the exchange's relative path ({@code /events/12}).
 *
 * <p>Every request is authenticated ({@code Authorization: Bearer <token>}, see {@link ApiTokens}), routed, checked
 * against the caller's role (admin: everything; user: read everything, add notes and retry events, read
 * senders), then served from the core's ports. Each failure is answered here as
 * {@code {"error":{"code":…,"message":…}}} (codes in {@link ApiErrorCode}), never by an outer handler. The
 * handler dispatches itself to a worker thread when called on an IO thread, so it blocks only when already
 * dispatched. Events are never deleted through it: they are the audit log.
 *
 * <p>Thread-safe; build once with {@link #AdminApi(AdminPorts)}.
 */
public final class AdminApi implements HttpHandler {

    /** Where the app mounts the admin API. */
    public static final String PREFIX = "/api";

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

    private final BearerAuthenticator authenticator;
    private final Router router;
    private final InstantSource clock;

    public AdminApi(AdminPorts ports) {
        this(ports, null);
    }

    /**
     * With the CRVS routes ({@code /crvs/…}, {@code /subscriptions}, {@code /reconcile}) when {@code crvs} is given.
     *
     * @param crvs the outbound client's use cases, or {@code null} for none of those routes
     */
    public AdminApi(AdminPorts ports, CrvsAdminPorts crvs) {
        this.authenticator = new BearerAuthenticator(ports.users());
        this.clock = ports.clock();
        AdminAudit audit = new AdminAudit(ports.events());
        Router.Builder routes = Router.builder();
        new OverviewEndpoints(ports.events(), ports.senders()).register(routes);
        new EventEndpoints(ports.events(), ports.retries(), audit).register(routes);
        new SenderEndpoints(ports.senders(), ports.keyFetch(), audit).register(routes);
        new PersonEndpoints(ports.persons()).register(routes);
        if (crvs != null) {
            new CrvsEndpoints(crvs).register(routes);
        }
        this.router = routes.build();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        ApiResponse response;
        try {
            response = serve(exchange);
        } catch (Exception e) { // last line of defence: every failure gets a JSON answer, never an empty 500
            ApiException failure = ErrorMapping.of(e);
            log(exchange, failure, e);
            ResponseWriter.error(exchange, failure);
            return;
        }
        ResponseWriter.write(exchange, response);
    }

    private ApiResponse serve(HttpServerExchange exchange) throws IOException {
        ApiUser caller = authenticator.authenticate(exchange);
        String method = exchange.getRequestMethod().toString();
        Router.Match match = router.find(method, exchange.getRelativePath());
        if (!match.route().permission().allows(caller.role())) {
            throw ApiException.forbidden("role " + caller.role().code() + " may not " + method + " "
                    + match.route().template());
        }
        return match.route().endpoint().handle(new ApiCall(exchange, caller, match.variables(), clock.instant()));
    }

    /** The route table ({@code GET /events/{id} (read)}, …), for documentation and tests. */
    List<Route> routes() {
        return router.routes();
    }

    /** Logs without tokens, query strings or bodies (they may carry identifiers). */
    private static void log(HttpServerExchange exchange, ApiException failure, Exception cause) {
        String method = exchange.getRequestMethod().toString();
        String path = exchange.getRequestPath();
        switch (failure.code()) {
            case INTERNAL_ERROR -> LOG.error("Admin {} {} failed unexpectedly", method, path, cause);
            case UNAVAILABLE -> LOG.warn("Admin {} {}: store unavailable: {}", method, path, cause.toString());
            case UNAUTHORIZED, FORBIDDEN -> LOG.info("Admin {} {} refused: {}", method, path, failure.code().code());
            default -> LOG.debug("Admin {} {} refused: {} {}", method, path, failure.code().code(),
                    failure.getMessage());
        }
    }

    @Override
    public String toString() {
        return "admin-api(" + router.routes().size() + " routes)";
    }
}
