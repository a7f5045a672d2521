package io.crvs.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.port.in.ReceiveNotificationUseCase.ReceiveNotificationCommand;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemoryTransactions;
import io.crvs.core.testing.TestEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiveNotificationServiceTest {
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final ReceiveNotificationService service = new ReceiveNotificationService(events,
            new InMemoryTransactions(events));

    @Test
    void duplicateDelivery_isAcknowledgedWithTheFirstCorrelationId() {
        ReceivedMessage m = TestEvents.message("crvs", Instant.EPOCH);
        var items = List.of(TestEvents.birth().withIdentifier("BRN", "B-1").build());
        StoreResult first = service.receive(new ReceiveNotificationCommand(m, items));
        ReceivedMessage redelivery = new ReceivedMessage(m.senderId(), m.messageId(), "notify", null, "other",
                m.profile(), m.rawBody(), Instant.EPOCH.plusSeconds(60));

        StoreResult second = service.receive(new ReceiveNotificationCommand(redelivery, items));

        assertThat(first).isInstanceOf(StoreResult.Stored.class);
        assertThat(second).isEqualTo(new StoreResult.DuplicateMessage(m.correlationId()));
    }

    @Test
    void itemsOutOfOrder_areRefused() {
        ReceivedMessage m = TestEvents.message("crvs", Instant.EPOCH);
        assertThatThrownBy(() -> new ReceiveNotificationCommand(m,
                List.of(TestEvents.birth().withIndex(1).withIdentifier("BRN", "B-1").build())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
