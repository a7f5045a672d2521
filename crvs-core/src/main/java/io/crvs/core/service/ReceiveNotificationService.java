package io.crvs.core.service;

import io.crvs.core.domain.StoreResult;
import io.crvs.core.port.in.ReceiveNotificationUseCase;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

/** Use case implementation: stores the message and its events in one unit of work. */
public final class ReceiveNotificationService implements ReceiveNotificationUseCase {

    private final EventStore events;
    private final Transactions transactions;

    @Inject
    public ReceiveNotificationService(EventStore events, Transactions transactions) {
        this.events = Objects.requireNonNull(events, "events");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public StoreResult receive(ReceiveNotificationCommand command) {
        return transactions.inTransaction(() -> events.store(command.message(), command.events()));
    }
}
