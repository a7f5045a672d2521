package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.RECEIVED_MESSAGE;
import static io.crvs.jooq.generated.Tables.VITAL_EVENT;
import static io.crvs.jooq.generated.Tables.VITAL_EVENT_IDENTIFIER;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.port.out.EventStore;
import io.crvs.jooq.generated.tables.records.ReceivedMessageRecord;
import io.crvs.jooq.generated.tables.records.VitalEventRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Persistence adapter part: stores one received message and its events, idempotently. Rows are built (and their
 * text checked) before any statement runs; inserts use {@code ON CONFLICT DO NOTHING}, so a duplicate message or
 * item is told from a new one by whether anything was inserted, and concurrent deliveries never fail.
 */
final class MessageIntake {

    private final ReceivedMessage message;
    private final List<NewVitalEvent> items;
    private final ReceivedMessageRecord messageRow;
    private final List<VitalEventRecord> eventRows;

    private MessageIntake(ReceivedMessage message, List<NewVitalEvent> items, String source) {
        this.message = message;
        this.items = List.copyOf(items);
        this.messageRow = EventRows.newMessage(message);
        this.eventRows = this.items.stream().map(e -> EventRows.newEvent(message, e, source)).toList();
    }

    /**
     * @param source where the events come from ({@link EventStore#SOURCE_NOTIFY}, {@link EventStore#SOURCE_RECONCILE})
     * @throws io.crvs.core.domain.InvalidInputException when a value cannot be stored (a NUL character)
     */
    static MessageIntake of(ReceivedMessage message, List<NewVitalEvent> items, String source) {
        if (!EventStore.SOURCE_NOTIFY.equals(source) && !EventStore.SOURCE_RECONCILE.equals(source)) {
            throw new IllegalArgumentException("unknown event source " + source);
        }
        return new MessageIntake(message, items, source);
    }

    static Condition messageKey(String senderId, String messageId) {
        return RECEIVED_MESSAGE.SENDER_ID.eq(senderId).and(RECEIVED_MESSAGE.MESSAGE_ID.eq(messageId));
    }

    /** Runs in one unit of work. */
    StoreResult store(DSLContext ctx) {
        Optional<Long> inserted = ctx.insertInto(RECEIVED_MESSAGE).set(messageRow).onConflictDoNothing()
                .returningResult(RECEIVED_MESSAGE.ID).fetchOptional().map(r -> r.value1());
        if (inserted.isEmpty()) {
            return new StoreResult.DuplicateMessage(ctx.select(RECEIVED_MESSAGE.CORRELATION_ID)
                    .from(RECEIVED_MESSAGE).where(messageKey(message.senderId(), message.messageId()))
                    .fetchSingle(RECEIVED_MESSAGE.CORRELATION_ID));
        }
        List<StoreResult.StoredItem> stored = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        for (int i = 0; i < eventRows.size(); i++) {
            StoreResult.StoredItem item = storeItem(ctx, eventRows.get(i), items.get(i));
            stored.add(item);
            if (!item.duplicate()) {
                audit.add(new AuditEntry(item.eventId(), "receive", null, EventState.RECEIVED, EventStore.SYSTEM,
                        null, message.receivedAt()));
            }
        }
        AuditLog.append(ctx, audit);
        return new StoreResult.Stored(message.correlationId(), stored);
    }

    private static StoreResult.StoredItem storeItem(DSLContext ctx, VitalEventRecord row, NewVitalEvent item) {
        Optional<Long> id = ctx.insertInto(VITAL_EVENT).set(row).onConflictDoNothing()
                .returningResult(VITAL_EVENT.ID).fetchOptional().map(r -> r.value1());
        if (id.isEmpty()) {
            // Stored before (same reference id), or by a concurrent delivery that committed first.
            Condition sameItem = VITAL_EVENT.MESSAGE_ID.eq(row.getMessageId())
                    .and(VITAL_EVENT.ITEM_INDEX.eq(row.getItemIndex()));
            Condition key = row.getReferenceId() == null ? sameItem
                    : VITAL_EVENT.REFERENCE_ID.eq(row.getReferenceId()).or(sameItem);
            long existing = ctx.select(VITAL_EVENT.ID).from(VITAL_EVENT)
                    .where(VITAL_EVENT.SENDER_ID.eq(row.getSenderId()).and(key)).orderBy(VITAL_EVENT.ID).limit(1)
                    .fetchSingle(VITAL_EVENT.ID);
            return new StoreResult.StoredItem(new EventId(existing), true);
        }
        List<Identifier> identifiers = item.identifiers();
        if (!identifiers.isEmpty()) {
            var insert = ctx.insertInto(VITAL_EVENT_IDENTIFIER, VITAL_EVENT_IDENTIFIER.EVENT_ID,
                    VITAL_EVENT_IDENTIFIER.POSITION, VITAL_EVENT_IDENTIFIER.TYPE, VITAL_EVENT_IDENTIFIER.VALUE);
            for (int p = 0; p < identifiers.size(); p++) {
                insert = insert.values(id.get(), p, identifiers.get(p).type().code(), identifiers.get(p).value());
            }
            insert.execute();
        }
        return new StoreResult.StoredItem(new EventId(id.get()), false);
    }
}
