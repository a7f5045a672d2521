package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.QueueStats;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.SenderRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The caller ({@code GET /me}), the queue's health ({@code GET /stats}) and the console's dashboard
 * ({@code GET /dashboard}: the stats plus counts by type, what arrived in the last 24 hours and is in error, and
 * each sender's key health).
 */
final class OverviewEndpoints {

    /** The dashboard's recent window. */
    static final Duration RECENT = Duration.ofHours(24);

    private final EventStore events;
    private final SenderRegistry senders;

    OverviewEndpoints(EventStore events, SenderRegistry senders) {
        this.events = Objects.requireNonNull(events, "events");
        this.senders = Objects.requireNonNull(senders, "senders");
    }

    void register(Router.Builder routes) {
        routes.add("GET", "/me", Permission.READ, this::me)
                .add("GET", "/stats", Permission.READ, this::stats)
                .add("GET", "/dashboard", Permission.READ, this::dashboard);
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
        return ApiResponse.ok(stats(call.now()));
    }

    private ObjectNode stats(Instant now) {
        QueueStats stats = events.stats(now);
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
                    Math.max(0, Duration.between(stats.oldestDueSince(), now).toSeconds()));
        }
        return node;
    }

    /**
     * The stats, counts by type (every type, zeros included), the events received in the last 24 hours and how
     * many of them are in error now, and per sender: key health, last fetch, last good keys, last error, usable
     * key count and the same 24-hour counts. Counts only: no personal data.
     */
    private ApiResponse dashboard(ApiCall call) {
        call.query(Set.of());
        Instant now = call.now();
        Instant since = now.minus(RECENT);
        ObjectNode node = stats(now);
        ApiJson.put(node, "generated_at", now);
        ObjectNode byType = node.putObject("by_type");
        for (VitalEventType type : VitalEventType.values()) {
            byType.put(type.name().toLowerCase(Locale.ROOT), count(EventFilter.all().withType(type)));
        }
        EventFilter recent = EventFilter.all().withReceivedBetween(since, null);
        ObjectNode last24h = node.putObject("last_24h");
        ApiJson.put(last24h, "since", since);
        last24h.put("received", count(recent));
        last24h.put("error", count(recent.withState(EventState.ERROR)));
        ArrayNode rows = node.putArray("senders");
        for (Sender s : senders.list()) {
            ObjectNode row = rows.addObject();
            row.put("sender_id", s.senderId());
            row.put("name", s.name());
            row.put("profile", s.profile().code());
            row.put("active", s.active());
            row.put("key_health", SenderViews.keyHealth(s));
            ApiJson.put(row, "last_key_fetch", s.lastKeyFetch());
            ApiJson.put(row, "keys_fetched_at", s.keys() == null ? null : s.keys().fetchedAt());
            row.put("last_key_fetch_error", s.lastKeyFetchError());
            row.put("key_count", SenderViews.keyCount(s));
            EventFilter fromSender = recent.withSender(s.senderId());
            row.put("received_24h", count(fromSender));
            row.put("error_24h", count(fromSender.withState(EventState.ERROR)));
        }
        return ApiResponse.ok(node);
    }

    private long count(EventFilter filter) {
        return events.list(filter, PageRequest.first(1)).total();
    }
}
