package io.crvs.core.service;

import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.in.RetryEventUseCase;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.Transactions;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.Objects;

/** Use case implementation: operator retries, each audited with actor and reason. */
public final class RetryEventService implements RetryEventUseCase {

    private final EventStore events;
    private final Transactions transactions;
    private final InstantSource clock;

    @Inject
    public RetryEventService(EventStore events, Transactions transactions, InstantSource clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public VitalEvent retry(EventId id, String actor, String reason) {
        requireActor(actor);
        return transactions.inTransaction(() -> events.retry(id, actor, reasonOrDefault(reason), clock.instant()));
    }

    @Override
    public int retryAll(EventFilter filter, String actor, String reason) {
        requireActor(actor);
        return transactions.inTransaction(() -> events.retryAll(filter, actor, reasonOrDefault(reason),
                clock.instant()));
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new InvalidInputException("a retry needs an actor");
        }
    }

    private static String reasonOrDefault(String reason) {
        return reason == null || reason.isBlank() ? "manual retry" : reason;
    }
}
