package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.QueueStats;
import io.crvs.core.port.out.EventStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** The caller ({@code GET /me}) and the queue's health ({@code GET /stats}). */
final class OverviewEndpoints {

    private final EventStore events;

    OverviewEndpoints(EventStore events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    void register(Router.Builder routes) {
        routes.add("GET", "/me", Permission.READ, this::me)
                .add("GET", "/stats", Permission.READ, this::stats);
    }

    private ApiResponse me(ApiCall call) {
        call.query(Set.of());
        ObjectNode node = ApiJson.object();
        node.put("name", call.caller().name());
        node.put("role", call.caller().role().code());
        return ApiResponse.ok(node);
    }

    private ApiResponse stats(ApiCall call) {
        call.query(Set.of());
        QueueStats stats = events.stats(call.now());
        ObjectNode node = ApiJson.object();
        ObjectNode counts = node.putObject("counts");
        long total = 0;
        for (EventState state : EventState.values()) {
            long n = stats.countsByState().getOrDefault(state, 0L);
            counts.put(state.code(), n);
            total += n;
        }
        node.put("total", total);
        node.put("due", stats.due());
        ApiJson.put(node, "oldest_due_since", stats.oldestDueSince());
        if (stats.oldestDueSince() == null) {
            node.putNull("oldest_due_age_seconds");
        } else {
            node.put("oldest_due_age_seconds",
                    Math.max(0, Duration.between(stats.oldestDueSince(), call.now()).toSeconds()));
        }
        return ApiResponse.ok(node);
    }
}
