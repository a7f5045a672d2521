package io.crvs.core.domain;

import java.util.List;

/** What storing a received message did: it was new (with each item's fate) or a duplicate delivery. */
public sealed interface StoreResult {

    /** The correlation id to answer with: ours for a new message, the first delivery's for a duplicate. */
    String correlationId();

    /** The message was new; {@code events} has one entry per item, in item order. */
    record Stored(String correlationId, List<StoredItem> events) implements StoreResult {
        public Stored {
            events = List.copyOf(events);
        }
    }

    /** The same sender already delivered this message id; nothing was stored. */
    record DuplicateMessage(String correlationId) implements StoreResult {
    }

    /**
     * One item of a new message.
     *
     * @param eventId   the stored event (the earlier one when {@code duplicate})
     * @param duplicate whether an event with the same (sender, reference id) already existed
     */
    record StoredItem(EventId eventId, boolean duplicate) {
    }
}
