package io.crvs.app.metrics;

import io.crvs.core.domain.EventState;
import io.crvs.core.domain.QueueStats;
import io.crvs.core.port.out.EventStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Metrics adapter: queue depth by state, due events and the age of the oldest due event. The figures come from one
 * {@link EventStore#stats} query, cached for a few seconds so scrapes stay cheap.
 */
public final class QueueMetrics {
    private static final Duration CACHE = Duration.ofSeconds(5);
    private final EventStore events;
    private final InstantSource clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    private record Snapshot(Instant at, QueueStats stats) {
    }

    public QueueMetrics(EventStore events, InstantSource clock, MeterRegistry registry) {
        this.events = events;
        this.clock = clock;
        for (EventState s : EventState.values()) {
            Gauge.builder("crvs_events", () -> stats().countsByState().getOrDefault(s, 0L))
                    .description("stored events by state").tag("state", s.code()).register(registry);
        }
        Gauge.builder("crvs_queue_due", () -> stats().due()).description("events due for processing now")
                .register(registry);
        Gauge.builder("crvs_queue_oldest_due_age_seconds", () -> {
            Instant oldest = stats().oldestDueSince();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
        }).description("age of the oldest due event").register(registry);
    }

    private QueueStats stats() {
        Instant now = clock.instant();
        Snapshot s = last.get();
        if (s == null || s.at.plus(CACHE).isBefore(now)) {
            try {
                s = new Snapshot(now, events.stats(now));
                last.set(s);
            } catch (RuntimeException e) {
                return s == null ? new QueueStats(java.util.Map.of(), 0, null) : s.stats;
            }
        }
        return s.stats;
    }
}
