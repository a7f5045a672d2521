package io.crvs.http.admin;

import io.crvs.core.domain.ApiUser;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One authenticated admin request as an endpoint sees it: the caller, the path variables, the query, the body
 * and the current time. Not thread-safe (one per request).
 */
final class ApiCall {

    private final HttpServerExchange exchange;
    private final ApiUser caller;
    private final Map<String, String> variables;
    private final Instant now;

    ApiCall(HttpServerExchange exchange, ApiUser caller, Map<String, String> variables, Instant now) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.variables = Map.copyOf(variables);
        this.now = Objects.requireNonNull(now, "now");
    }

    ApiUser caller() {
        return caller;
    }

    /** The caller's name, the actor of everything this request changes. */
    String actor() {
        return caller.name();
    }

    Instant now() {
        return now;
    }

    /**
     * The absolute path of something below the mount point, for {@code Location} ({@code /api/senders/x}).
     * Slashes inside a segment must already be encoded as {@code %2F}.
     */
    String location(String relative) {
        return exchange.getResolvedPath() + relative;
    }

    /** A path variable of the route's template. */
    String variable(String name) {
        String value = variables.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path variable " + name);
        }
        return value;
    }

    /** The query, refusing any parameter not in {@code allowed}. */
    QueryParams query(Set<String> allowed) {
        return new QueryParams(exchange.getQueryParameters()).allowOnly(allowed);
    }

    /** The JSON object body, refusing any field not in {@code allowed}. */
    JsonBody body(boolean required, Set<String> allowed) throws IOException {
        return JsonBody.read(exchange, required).allowOnly(allowed);
    }
}
