package io.crvs.app.metrics;

import io.crvs.http.server.ReceiveObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Metrics adapter: DCI messages received, duplicates and rejections by reason. */
public final class ReceiveMetrics implements ReceiveObserver {
    private final MeterRegistry registry;

    public ReceiveMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void received(String action, String senderId, int eventCount) {
        Counter.builder("crvs_messages_received").description("DCI messages stored and acknowledged")
                .tag("action", action).register(registry).increment();
        Counter.builder("crvs_events_received").description("new vital events stored")
                .register(registry).increment(eventCount);
    }

    @Override
    public void repeatedEvents(String action, String senderId, int count) {
        Counter.builder("crvs_events_repeated").description("events whose reference id was already stored (not"
                + " stored again)").register(registry).increment(count);
    }

    @Override
    public void duplicate(String action, String senderId) {
        Counter.builder("crvs_messages_duplicate").description("repeated deliveries acknowledged, not stored again")
                .tag("action", action).register(registry).increment();
    }

    @Override
    public void rejected(String reason, int httpStatus) {
        Counter.builder("crvs_messages_rejected").description("requests answered with an error, by reason")
                .tag("reason", reason).tag("status", Integer.toString(httpStatus)).register(registry).increment();
    }
}
