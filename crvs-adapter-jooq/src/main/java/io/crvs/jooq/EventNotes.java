package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.EVENT_NOTE;

import io.crvs.core.domain.Note;
import io.crvs.jooq.generated.tables.records.EventNoteRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter part: writes and reads the {@code event_note} table. */
final class EventNotes {

    /** The notes of the events whose ids are bound as one array, oldest first. */
    private static final RenderedQuery NOTES_OF = RenderedQuery.of(DSL.selectFrom(EVENT_NOTE)
            .where(EVENT_NOTE.EVENT_ID.eq(DSL.any(new Long[] {0L}))).orderBy(EVENT_NOTE.ID));

    private EventNotes() {
    }

    static void add(DSLContext ctx, EventNoteRecord note) {
        ctx.insertInto(EVENT_NOTE).set(note).execute();
    }

    /** The notes of the given events, oldest first per event; events without notes are absent. */
    static Map<Long, List<Note>> of(DSLContext ctx, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return NOTES_OF.fetch(ctx, (Object) eventIds.toArray(Long[]::new)).into(EVENT_NOTE)
                .intoGroups(EVENT_NOTE.EVENT_ID).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().stream().map(EventRows::note).toList()));
    }
}
