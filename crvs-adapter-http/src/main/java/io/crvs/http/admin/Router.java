package io.crvs.http.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the route of a request: the most specific template that fits the path (literal segments beat
 * variables), then the method. An unknown path is {@code not_found}; a known path with another method is
 * {@code method_not_allowed} with {@code Allow}. Immutable once built; thread-safe.
 */
final class Router {

    /** A route and the values of its path variables. */
    record Match(Route route, Map<String, String> variables) {
    }

    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** Collects the route table. */
    static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        Builder add(String method, String template, Permission permission, Endpoint endpoint) {
            routes.add(new Route(method, new PathTemplate(template), permission, endpoint));
            return this;
        }

        Router build() {
            return new Router(routes);
        }
    }

    static Builder builder() {
        return new Builder();
    }

    List<Route> routes() {
        return routes;
    }

    /**
     * @param method       the request method
     * @param relativePath the path below the mount point ({@code /events/12}); {@code %2F} inside a segment
     *                     stands for {@code /} (sender ids may contain slashes)
     */
    Match find(String method, String relativePath) {
        List<String> segments = segments(relativePath);
        int best = -1;
        List<Match> candidates = new ArrayList<>();
        for (Route route : routes) {
            Optional<Map<String, String>> vars = route.template().match(segments);
            if (vars.isEmpty() || route.template().literals() < best) {
                continue;
            }
            if (route.template().literals() > best) {
                best = route.template().literals();
                candidates.clear();
            }
            candidates.add(new Match(route, vars.get()));
        }
        if (candidates.isEmpty()) {
            throw ApiException.notFound("no such endpoint");
        }
        TreeSet<String> allowed = new TreeSet<>();
        for (Match m : candidates) {
            if (m.route().method().equals(method)) {
                return m;
            }
            allowed.add(m.route().method());
        }
        throw ApiException.methodNotAllowed(method, String.join(", ", allowed));
    }

    private static List<String> segments(String relativePath) {
        String path = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            segments.add(s.replace("%2F", "/").replace("%2f", "/"));
        }
        return segments;
    }
}
