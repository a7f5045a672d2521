package io.crvs.core.testing;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.Subscription;
import io.crvs.core.port.out.SubscriptionStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** In-memory {@link SubscriptionStore}. Thread-safe; takes part in {@link InMemoryTransactions}. */
public final class InMemorySubscriptionStore implements SubscriptionStore, InMemoryTransactions.Participant {

    private Map<String, Subscription> byId = new LinkedHashMap<>();

    @Override
    public synchronized Runnable snapshot() {
        Map<String, Subscription> copy = new LinkedHashMap<>(byId);
        return () -> {
            synchronized (this) {
                byId = copy;
            }
        };
    }

    @Override
    public synchronized Subscription save(Subscription s) {
        Objects.requireNonNull(s, "subscription");
        if (s.code() != null) {
            Optional<Subscription> holder = findByCode(s.crvsId(), s.code());
            if (holder.isPresent() && !holder.get().id().equals(s.id())) {
                throw new InvalidInputException("subscription code already used by another subscription of "
                        + s.crvsId());
            }
        }
        byId.put(s.id(), s);
        return s;
    }

    @Override
    public synchronized Optional<Subscription> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Subscription> findByCode(String crvsId, String code) {
        return byId.values().stream().filter(s -> s.crvsId().equals(crvsId) && code.equals(s.code())).findFirst();
    }

    @Override
    public synchronized List<Subscription> list(String crvsId) {
        return byId.values().stream().filter(s -> crvsId == null || s.crvsId().equals(crvsId))
                .sorted(Comparator.comparing(Subscription::createdAt).reversed().thenComparing(Subscription::id))
                .toList();
    }
}
