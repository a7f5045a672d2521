package io.crvs.app.metrics;

import io.crvs.core.domain.EventError;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.out.ProcessingObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Metrics adapter: processed and failed events by type, outcome or error code, and processing latency. */
public final class ProcessingMetrics implements ProcessingObserver {
    private final MeterRegistry registry;

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void processed(VitalEvent event, ProcessingOutcome outcome, Duration took) {
        Counter.builder("crvs_events_processed").description("events processed, by type and outcome")
                .tag("type", event.type().name().toLowerCase(java.util.Locale.ROOT)).tag("outcome", outcome.code())
                .register(registry).increment();
        latency(event).record(took);
    }

    @Override
    public void failed(VitalEvent event, EventError error, boolean willRetry, Duration took) {
        Counter.builder("crvs_events_failed").description("event processing failures, by type and error code")
                .tag("type", event.type().name().toLowerCase(java.util.Locale.ROOT)).tag("error", error.code())
                .tag("will_retry", Boolean.toString(willRetry)).register(registry).increment();
        latency(event).record(took);
    }

    private Timer latency(VitalEvent event) {
        return Timer.builder("crvs_event_processing").description("time to process one event")
                .tag("type", event.type().name().toLowerCase(java.util.Locale.ROOT))
                .publishPercentiles(0.5, 0.99).register(registry);
    }
}
