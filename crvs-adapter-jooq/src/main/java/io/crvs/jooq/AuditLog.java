package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.AUDIT_ENTRY;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.jooq.generated.tables.records.AuditEntryRecord;
import java.util.List;
import org.jooq.DSLContext;

/** Persistence adapter part: writes and reads the {@code audit_entry} table. */
final class AuditLog {

    private AuditLog() {
    }

    /** Entries per insert statement (7 values each; PostgreSQL allows 65,535 per statement). */
    static final int ENTRIES_PER_STATEMENT = 2000;

    /** Appends the entries in order, in one statement per {@value #ENTRIES_PER_STATEMENT}. */
    static void append(DSLContext ctx, List<AuditEntry> entries) {
        List<AuditEntryRecord> rows = entries.stream().map(AuditLog::row).toList();
        for (int from = 0; from < rows.size(); from += ENTRIES_PER_STATEMENT) {
            var insert = ctx.insertInto(AUDIT_ENTRY, AUDIT_ENTRY.EVENT_ID, AUDIT_ENTRY.ACTION, AUDIT_ENTRY.FROM_STATE,
                    AUDIT_ENTRY.TO_STATE, AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.REASON, AUDIT_ENTRY.OCCURRED_AT);
            for (AuditEntryRecord r : rows.subList(from, Math.min(rows.size(), from + ENTRIES_PER_STATEMENT))) {
                insert = insert.values(r.getEventId(), r.getAction(), r.getFromState(), r.getToState(), r.getActor(),
                        r.getReason(), r.getOccurredAt());
            }
            insert.execute();
        }
    }

    /** The entries about one event, in the order they were written. */
    static List<AuditEntry> of(DSLContext ctx, EventId event) {
        return ctx.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.EVENT_ID.eq(event.value())).orderBy(AUDIT_ENTRY.ID)
                .fetch(AuditLog::entry);
    }

    private static AuditEntryRecord row(AuditEntry e) {
        AuditEntryRecord r = new AuditEntryRecord();
        r.setEventId(e.eventId() == null ? null : e.eventId().value());
        r.setAction(TextGuard.checked("audit action", e.action()));
        r.setFromState(e.from() == null ? null : e.from().code());
        r.setToState(e.to() == null ? null : e.to().code());
        r.setActor(TextGuard.checked("actor", e.actor()));
        r.setReason(TextGuard.checked("reason", e.reason()));
        r.setOccurredAt(DbTime.of(e.at()));
        return r;
    }

    private static AuditEntry entry(AuditEntryRecord r) {
        return new AuditEntry(r.getEventId() == null ? null : new EventId(r.getEventId()), r.getAction(),
                r.getFromState() == null ? null : EventState.parse(r.getFromState()),
                r.getToState() == null ? null : EventState.parse(r.getToState()), r.getActor(), r.getReason(),
                r.getOccurredAt());
    }
}
