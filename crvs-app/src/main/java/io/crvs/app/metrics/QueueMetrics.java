package io.crvs.app.metrics;

import io.crvs.core.domain.EventState;
import io.crvs.core.domain.QueueStats;
import io.crvs.core.port.out.EventStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics adapter: queue depth by state, due events and the age of the oldest due event. The figures come from one
 * {@link EventStore#stats} query run in the background every few seconds; a scrape only reads the last snapshot,
 * so {@code /metrics} answers at once even when the database is slow or hung.
 */
public final class QueueMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueMetrics.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final EventStore events;
    private final InstantSource clock;
    private final AtomicReference<QueueStats> last = new AtomicReference<>(new QueueStats(Map.of(), 0, null));
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "crvs-queue-metrics");
        t.setDaemon(true);
        return t;
    });

    public QueueMetrics(EventStore events, InstantSource clock, MeterRegistry registry) {
        this.events = events;
        this.clock = clock;
        for (EventState s : EventState.values()) {
            Gauge.builder("crvs_events", () -> last.get().countsByState().getOrDefault(s, 0L))
                    .description("stored events by state").tag("state", s.code()).register(registry);
        }
        Gauge.builder("crvs_queue_due", () -> last.get().due()).description("events due for processing now")
                .register(registry);
        Gauge.builder("crvs_queue_oldest_due_age_seconds", () -> {
            Instant oldest = last.get().oldestDueSince();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
        }).description("age of the oldest due event").register(registry);
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the figures now (also called by the schedule). */
    void refresh() {
        try {
            last.set(events.stats(clock.instant()));
        } catch (RuntimeException e) {
            LOG.debug("queue statistics unavailable: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
