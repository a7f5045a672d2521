package io.crvs.core.port.in;

import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.StoreResult;
import java.util.List;
import java.util.Objects;

/**
 * Use case: take in a notification whose signature was verified: log the message durably and queue each of its
 * events, idempotently. Processing happens later, never inside the request.
 */
public interface ReceiveNotificationUseCase {

    /**
     * @return the correlation id to acknowledge with and each event's fate, or a duplicate delivery
     * @throws io.crvs.core.port.out.StoreUnavailableException when the store is down (nothing stored)
     */
    StoreResult receive(ReceiveNotificationCommand command);

    /** A verified message and its items in order. */
    record ReceiveNotificationCommand(ReceivedMessage message, List<NewVitalEvent> events) {
        public ReceiveNotificationCommand {
            Objects.requireNonNull(message, "message");
            events = List.copyOf(events);
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).itemIndex() != i) {
                    throw new IllegalArgumentException("events must be in item order");
                }
            }
        }
    }
}
