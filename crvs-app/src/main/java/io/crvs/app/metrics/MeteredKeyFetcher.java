package io.crvs.app.metrics;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.port.out.KeyFetchException;
import io.crvs.core.port.out.KeyFetcher;
import io.crvs.core.port.out.SenderRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decorator of the {@link KeyFetcher} port that counts JWKS fetches (ok / failed, per sender) and publishes the
 * age of each sender's last good keys.
 */
public final class MeteredKeyFetcher implements KeyFetcher {
    private final KeyFetcher delegate;
    private final MeterRegistry registry;
    private final SenderRegistry senders;
    private final InstantSource clock;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    public MeteredKeyFetcher(KeyFetcher delegate, MeterRegistry registry, SenderRegistry senders,
                             InstantSource clock) {
        this.delegate = delegate;
        this.registry = registry;
        this.senders = senders;
        this.clock = clock;
    }

    @Override
    public SenderKeys fetch(Sender sender) {
        ageGauge(sender.senderId());
        try {
            SenderKeys keys = delegate.fetch(sender);
            count(sender, "ok");
            return keys;
        } catch (KeyFetchException e) {
            count(sender, "failed");
            throw e;
        }
    }

    private void count(Sender sender, String result) {
        Counter.builder("crvs_jwks_fetches").description("JWKS fetches by sender and result")
                .tag("sender", sender.senderId()).tag("result", result).register(registry).increment();
    }

    private void ageGauge(String senderId) {
        if (gauged.add(senderId)) {
            Gauge.builder("crvs_jwks_key_age_seconds", () -> senders.find(senderId)
                            .filter(s -> s.keys() != null)
                            .map(s -> (double) Duration.between(s.keys().fetchedAt(), clock.instant()).toSeconds())
                            .orElse(Double.NaN))
                    .description("age of the sender's last good keys").tag("sender", senderId).register(registry);
        }
    }
}
