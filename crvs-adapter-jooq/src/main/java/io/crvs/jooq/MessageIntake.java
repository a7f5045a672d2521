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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Persistence adapter part: stores one received message and its events, idempotently. Rows are built (and their
 * text checked) before any statement runs; inserts use {@code ON CONFLICT DO NOTHING}, so a duplicate message or
 * item is told from a new one by whether anything was inserted, and concurrent deliveries never fail. A message
 * of n events takes a handful of statements, not 2n: the events, their identifiers and their audit entries are
 * each inserted with multi-row statements.
 */
final class MessageIntake {

    /** Events per insert statement (each row binds about 20 values; PostgreSQL allows 65,535 per statement). */
    static final int ROWS_PER_STATEMENT = 500;
    /** Identifier rows per insert statement (4 values each). */
    static final int IDENTIFIERS_PER_STATEMENT = 2000;

    private final ReceivedMessage message;
    private final List<NewVitalEvent> items;
    private final ReceivedMessageRecord messageRow;
    private final List<VitalEventRecord> eventRows;

    private MessageIntake(ReceivedMessage message, List<NewVitalEvent> items) {
        this.message = message;
        this.items = List.copyOf(items);
        this.messageRow = EventRows.newMessage(message);
        this.eventRows = this.items.stream().map(e -> EventRows.newEvent(message, e)).toList();
    }

    /** @throws io.crvs.core.domain.InvalidInputException when a value cannot be stored (a NUL character) */
    static MessageIntake of(ReceivedMessage message, List<NewVitalEvent> items) {
        return new MessageIntake(message, items);
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
        Map<Integer, Long> insertedIds = insertEvents(ctx);
        List<StoreResult.StoredItem> stored = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        List<Object[]> identifierRows = new ArrayList<>();
        for (int i = 0; i < eventRows.size(); i++) {
            VitalEventRecord row = eventRows.get(i);
            Long id = insertedIds.get(row.getItemIndex());
            if (id == null) {
                stored.add(new StoreResult.StoredItem(new EventId(existingId(ctx, row)), true));
                continue;
            }
            stored.add(new StoreResult.StoredItem(new EventId(id), false));
            audit.add(new AuditEntry(new EventId(id), "receive", null, EventState.RECEIVED, EventStore.SYSTEM, null,
                    message.receivedAt()));
            List<Identifier> identifiers = items.get(i).identifiers();
            for (int p = 0; p < identifiers.size(); p++) {
                identifierRows.add(new Object[] {id, p, identifiers.get(p).type().code(), identifiers.get(p).value()});
            }
        }
        insertIdentifiers(ctx, identifierRows);
        AuditLog.append(ctx, audit);
        return new StoreResult.Stored(message.correlationId(), stored);
    }

    /**
     * Inserts the message's events, {@value #ROWS_PER_STATEMENT} per statement, in item order; returns the id of
     * each inserted event by item index (unique within a message). An event that was not inserted conflicts with
     * one stored before: an earlier message with its reference id, or an earlier item of this message (PostgreSQL
     * inserts the rows of one statement in order, so the outcome is the same as one insert per item).
     */
    private Map<Integer, Long> insertEvents(DSLContext ctx) {
        Map<Integer, Long> ids = new HashMap<>();
        for (int from = 0; from < eventRows.size(); from += ROWS_PER_STATEMENT) {
            List<VitalEventRecord> chunk = eventRows.subList(from,
                    Math.min(eventRows.size(), from + ROWS_PER_STATEMENT));
            var insert = ctx.insertInto(VITAL_EVENT).set(chunk.get(0));
            for (int i = 1; i < chunk.size(); i++) {
                insert = insert.newRecord().set(chunk.get(i));
            }
            insert.onConflictDoNothing().returningResult(VITAL_EVENT.ID, VITAL_EVENT.ITEM_INDEX).fetch()
                    .forEach(r -> ids.put(r.value2(), r.value1()));
        }
        return ids;
    }

    /** The stored event an item that was not inserted is a duplicate of (same reference id, or same item). */
    private static long existingId(DSLContext ctx, VitalEventRecord row) {
        // Stored before (same reference id), or by a concurrent delivery that committed first.
        Condition sameItem = VITAL_EVENT.MESSAGE_ID.eq(row.getMessageId())
                .and(VITAL_EVENT.ITEM_INDEX.eq(row.getItemIndex()));
        Condition key = row.getReferenceId() == null ? sameItem
                : VITAL_EVENT.REFERENCE_ID.eq(row.getReferenceId()).or(sameItem);
        return ctx.select(VITAL_EVENT.ID).from(VITAL_EVENT)
                .where(VITAL_EVENT.SENDER_ID.eq(row.getSenderId()).and(key)).orderBy(VITAL_EVENT.ID).limit(1)
                .fetchSingle(VITAL_EVENT.ID);
    }

    /** Inserts {event id, position, type, value} rows, {@value #IDENTIFIERS_PER_STATEMENT} per statement. */
    private static void insertIdentifiers(DSLContext ctx, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += IDENTIFIERS_PER_STATEMENT) {
            var insert = ctx.insertInto(VITAL_EVENT_IDENTIFIER, VITAL_EVENT_IDENTIFIER.EVENT_ID,
                    VITAL_EVENT_IDENTIFIER.POSITION, VITAL_EVENT_IDENTIFIER.TYPE, VITAL_EVENT_IDENTIFIER.VALUE);
            for (Object[] r : rows.subList(from, Math.min(rows.size(), from + IDENTIFIERS_PER_STATEMENT))) {
                insert = insert.values((Long) r[0], (Integer) r[1], (String) r[2], (String) r[3]);
            }
            insert.execute();
        }
    }
}
