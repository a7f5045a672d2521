package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.RECEIVED_MESSAGE;
import static io.crvs.jooq.generated.Tables.VITAL_EVENT;

import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.port.out.EventStore;
import io.crvs.jooq.generated.tables.records.ReceivedMessageRecord;
import io.crvs.jooq.generated.tables.records.VitalEventRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Persistence adapter part: stores one received message and its events, idempotently. Rows are built (and their
 * text checked) before any statement runs; inserts use {@code ON CONFLICT DO NOTHING}, so a duplicate message or
 * item is told from a new one by whether anything was inserted, and concurrent deliveries never fail. A message
 * of n events takes one statement (see {@link #store}), written with JDBC: it is the receiver's hottest write.
 */
final class MessageIntake {

    /** Most values bound in one statement (PostgreSQL allows 65,535). */
    static final int PARAMETERS_PER_STATEMENT = 30_000;
    /** Values bound per event row and for the message row. */
    static final int EVENT_PARAMETERS = 18;
    static final int MESSAGE_PARAMETERS = 8;

    private static final String INSERT_MESSAGE = "insert into received_message (sender_id, message_id, action,"
            + " transaction_id, correlation_id, signature_profile, raw_body, received_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?::timestamptz) on conflict do nothing";
    private static final String INSERT_EVENTS = "insert into vital_event (sender_id, message_id, item_index,"
            + " reference_id, transaction_id, source, event_type, raw_event_type, event_date, identifiers,"
            + " person_record, raw_item, custom_attributes, state, attempts, next_attempt_at, received_at,"
            + " updated_at) select v.* from";
    private static final String EVENT_ROW = "(?, ?, ?::int, ?, ?, ?, ?, ?, ?::date, ?::jsonb, ?::jsonb, ?, ?::jsonb,"
            + " ?, ?::int, ?::timestamptz, ?::timestamptz, ?::timestamptz)";
    private static final String IDENTIFIER_ROW = "(?::int, ?::int, ?, ?)";

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

    /**
     * Runs in one unit of work. The message, its events, their identifiers and their audit entries are written by
     * one statement (data-modifying {@code WITH} clauses: the events are inserted only when the message is, and
     * the identifiers and audit entries of the events that were inserted), so that a delivery costs one round trip
     * to the database and the commit. Large messages take one more statement per
     * {@value #PARAMETERS_PER_STATEMENT} bound values.
     */
    StoreResult store(DSLContext ctx) {
        Map<Integer, Long> insertedIds = new HashMap<>();
        boolean stored = ctx.connectionResult(c -> insertAll(c, insertedIds));
        if (!stored) {
            return new StoreResult.DuplicateMessage(ctx.select(RECEIVED_MESSAGE.CORRELATION_ID)
                    .from(RECEIVED_MESSAGE).where(messageKey(message.senderId(), message.messageId()))
                    .fetchSingle(RECEIVED_MESSAGE.CORRELATION_ID));
        }
        List<StoreResult.StoredItem> items = new ArrayList<>(eventRows.size());
        for (VitalEventRecord row : eventRows) {
            Long id = insertedIds.get(row.getItemIndex());
            items.add(id != null ? new StoreResult.StoredItem(new EventId(id), false)
                    : new StoreResult.StoredItem(new EventId(existingId(ctx, row)), true));
        }
        return new StoreResult.Stored(message.correlationId(), items);
    }

    /**
     * Inserts the message and, when it was new, its events in item order (PostgreSQL inserts the rows of one
     * statement in order, so an item that repeats an earlier item's reference id is the duplicate, as with one
     * insert per item), with their identifiers and audit entries.
     *
     * @param insertedIds filled with the id of each inserted event by item index (unique within a message)
     * @return whether the message was new
     */
    private boolean insertAll(Connection c, Map<Integer, Long> insertedIds) throws SQLException {
        List<List<Integer>> chunks = chunks();
        if (chunks.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_MESSAGE + " returning id")) {
                bindMessage(ps, 1);
                try (ResultSet r = ps.executeQuery()) {
                    return r.next();
                }
            }
        }
        for (int k = 0; k < chunks.size(); k++) {
            boolean first = k == 0;
            List<Integer> chunk = chunks.get(k);
            StringBuilder sql = new StringBuilder("with ");
            if (first) {
                sql.append("m as (").append(INSERT_MESSAGE).append(" returning id), ");
            }
            sql.append("e as (").append(INSERT_EVENTS).append(' ');
            appendRows(sql, chunk.size(), EVENT_ROW);
            sql.append(" v").append(first ? " where exists (select 1 from m)" : "")
                    .append(" on conflict do nothing returning id, item_index)");
            int identifiers = chunk.stream().mapToInt(i -> items.get(i).identifiers().size()).sum();
            if (identifiers > 0) {
                sql.append(", i as (insert into vital_event_identifier (event_id, position, type, value)"
                        + " select e.id, x.position, x.type, x.value from e join ");
                appendRows(sql, identifiers, IDENTIFIER_ROW);
                sql.append(" x (item_index, position, type, value) on x.item_index = e.item_index)");
            }
            sql.append(", a as (insert into audit_entry (event_id, action, from_state, to_state, actor, reason,"
                    + " occurred_at) select e.id, 'receive', null, '").append(EventState.RECEIVED.code())
                    .append("', '").append(EventStore.SYSTEM).append("', null, ?::timestamptz from e)");
            sql.append(first ? " select m.id, e.id, e.item_index from m left join e on true"
                    : " select 0, e.id, e.item_index from e");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = first ? bindMessage(ps, 1) : 1;
                for (int i : chunk) {
                    p = bindEvent(ps, p, eventRows.get(i));
                }
                for (int i : chunk) {
                    List<Identifier> ids = items.get(i).identifiers();
                    for (int pos = 0; pos < ids.size(); pos++) {
                        ps.setInt(p++, eventRows.get(i).getItemIndex());
                        ps.setInt(p++, pos);
                        ps.setString(p++, ids.get(pos).type().code());
                        ps.setString(p++, ids.get(pos).value());
                    }
                }
                ps.setObject(p, utc(messageRow.getReceivedAt()));
                try (ResultSet r = ps.executeQuery()) {
                    boolean any = false;
                    while (r.next()) {
                        any = true;
                        long eventId = r.getLong(2);
                        if (!r.wasNull()) {
                            insertedIds.put(r.getInt(3), eventId);
                        }
                    }
                    if (first && !any) {
                        return false; // the message was stored before: nothing else was inserted
                    }
                }
            }
        }
        return true;
    }

    /** The items in statements of at most {@value #PARAMETERS_PER_STATEMENT} bound values (at least one each). */
    private List<List<Integer>> chunks() {
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int params = MESSAGE_PARAMETERS + 1;
        for (int i = 0; i < items.size(); i++) {
            int needs = EVENT_PARAMETERS + 4 * items.get(i).identifiers().size();
            if (!current.isEmpty() && params + needs > PARAMETERS_PER_STATEMENT) {
                chunks.add(current);
                current = new ArrayList<>();
                params = 1;
            }
            current.add(i);
            params += needs;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static void appendRows(StringBuilder sql, int count, String row) {
        sql.append("(values ");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        sql.append(')');
    }

    private int bindMessage(PreparedStatement ps, int p) throws SQLException {
        ReceivedMessageRecord m = messageRow;
        ps.setString(p++, m.getSenderId());
        ps.setString(p++, m.getMessageId());
        ps.setString(p++, m.getAction());
        ps.setString(p++, m.getTransactionId());
        ps.setString(p++, m.getCorrelationId());
        ps.setString(p++, m.getSignatureProfile());
        ps.setBytes(p++, m.getRawBody());
        ps.setObject(p++, utc(m.getReceivedAt()));
        return p;
    }

    private static int bindEvent(PreparedStatement ps, int p, VitalEventRecord r) throws SQLException {
        ps.setString(p++, r.getSenderId());
        ps.setString(p++, r.getMessageId());
        ps.setInt(p++, r.getItemIndex());
        ps.setString(p++, r.getReferenceId());
        ps.setString(p++, r.getTransactionId());
        ps.setString(p++, r.getSource());
        ps.setString(p++, r.getEventType());
        ps.setString(p++, r.getRawEventType());
        ps.setObject(p++, r.getEventDate(), Types.DATE);
        ps.setString(p++, r.getIdentifiers().data());
        ps.setString(p++, r.getPersonRecord().data());
        ps.setString(p++, r.getRawItem());
        ps.setString(p++, r.getCustomAttributes().data());
        ps.setString(p++, r.getState());
        ps.setInt(p++, r.getAttempts());
        ps.setObject(p++, utc(r.getNextAttemptAt()));
        ps.setObject(p++, utc(r.getReceivedAt()));
        ps.setObject(p++, utc(r.getUpdatedAt()));
        return p;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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

}
