package io.crvs.core.testing;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.port.out.SenderRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** In-memory {@link SenderRegistry}. Thread-safe. */
public final class InMemorySenderRegistry implements SenderRegistry {

    private final ConcurrentSkipListMap<String, Sender> senders = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Sender> find(String senderId) {
        return Optional.ofNullable(senders.get(senderId));
    }

    @Override
    public List<Sender> list() {
        return List.copyOf(senders.values());
    }

    @Override
    public Sender save(Sender sender) {
        senders.put(sender.senderId(), sender);
        return sender;
    }

    @Override
    public boolean delete(String senderId) {
        return senders.remove(senderId) != null;
    }

    @Override
    public void saveKeys(String senderId, SenderKeys keys) {
        senders.computeIfPresent(senderId, (id, s) -> s.withKeys(keys));
    }

    @Override
    public void recordFetchFailure(String senderId, Instant at, String error) {
        senders.computeIfPresent(senderId, (id, s) -> s.withFetchFailure(at, error));
    }
}
