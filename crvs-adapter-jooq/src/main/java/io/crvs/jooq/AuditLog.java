package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.AUDIT_ENTRY;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.jooq.generated.tables.records.AuditEntryRecord;
import java.sql.PreparedStatement;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;

/** Persistence adapter part: writes and reads the {@code audit_entry} table. */
final class AuditLog {

    private AuditLog() {
    }

    private static final List<Field<?>> COLUMNS = List.of(AUDIT_ENTRY.EVENT_ID, AUDIT_ENTRY.ACTION,
            AUDIT_ENTRY.FROM_STATE, AUDIT_ENTRY.TO_STATE, AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.REASON,
            AUDIT_ENTRY.OCCURRED_AT);
    private static final List<String> NAMES = COLUMNS.stream().map(Field::getName).toList();
    private static final String INSERT = "insert into audit_entry (" + String.join(", ", NAMES) + ") select "
            + String.join(", ", NAMES) + " from " + Unnest.from(COLUMNS, NAMES, "v") + " order by ord";

    /** Appends the entries in order, in one statement whatever their number. */
    static void append(DSLContext ctx, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = entries.stream().map(AuditLog::row).toList();
        ctx.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                Unnest.bind(c, ps, 1, COLUMNS.size(), rows);
                ps.executeUpdate();
            }
        });
    }

    /** The entries about one event, in the order they were written. */
    static List<AuditEntry> of(DSLContext ctx, EventId event) {
        return ctx.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.EVENT_ID.eq(event.value())).orderBy(AUDIT_ENTRY.ID)
                .fetch(AuditLog::entry);
    }

    /** The values of an entry, in the order of {@link #COLUMNS}. */
    private static Object[] row(AuditEntry e) {
        return new Object[] {e.eventId() == null ? null : e.eventId().value(),
                TextGuard.checked("audit action", e.action()), e.from() == null ? null : e.from().code(),
                e.to() == null ? null : e.to().code(), TextGuard.checked("actor", e.actor()),
                TextGuard.checked("reason", e.reason()), DbTime.of(e.at())};
    }

    private static AuditEntry entry(AuditEntryRecord r) {
        return new AuditEntry(r.getEventId() == null ? null : new EventId(r.getEventId()), r.getAction(),
                r.getFromState() == null ? null : EventState.parse(r.getFromState()),
                r.getToState() == null ? null : EventState.parse(r.getToState()), r.getActor(), r.getReason(),
                r.getOccurredAt());
    }
}
