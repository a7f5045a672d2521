package io.crvs.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.crvs.core.domain.EventState;
import io.crvs.core.domain.QueueStats;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.TestEvents;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class QueueMetricsTest {

    @Test
    void scrape_answersAtOnceWhileTheDatabaseHangs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        InMemoryEventStore real = new InMemoryEventStore();
        EventStore hanging = (EventStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("stats")) {
                        release.await();
                    }
                    return method.invoke(real, args);
                });
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (QueueMetrics metrics = new QueueMetrics(hanging, InstantSource.system(), registry)) {
            // a scrape must not wait for the hung statistics query (a hang here would block forever)
            String scrape = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> registry.scrape());
            assertThat(scrape).contains("crvs_queue_due 0.0");
        } finally {
            release.countDown();
        }
    }

    @Test
    void refresh_publishesTheStoreFigures() {
        InMemoryEventStore events = new InMemoryEventStore();
        events.store(TestEvents.message("crvs", Instant.now()), List.of(TestEvents.birth()
                .withIdentifier("BRN", "B-1").build()));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (QueueMetrics metrics = new QueueMetrics(events, InstantSource.system(), registry)) {
            metrics.refresh();
            QueueStats stats = events.stats(Instant.now());
            assertThat(stats.countsByState().get(EventState.RECEIVED)).isEqualTo(1);
            assertThat(registry.scrape()).contains("crvs_events{state=\"received\"} 1.0")
                    .contains("crvs_queue_due 1.0");
        }
    }
}
