package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.VITAL_EVENT;

import io.crvs.core.domain.EventError;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.Note;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.domain.VitalEventType;
import io.crvs.jooq.generated.tables.records.EventNoteRecord;
import io.crvs.jooq.generated.tables.records.ReceivedMessageRecord;
import io.crvs.jooq.generated.tables.records.VitalEventRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;

/**
 * Persistence adapter mapper: rows of {@code received_message}, {@code vital_event} and {@code event_note} to and
 * from the domain records. Writing checks every string with {@link TextGuard} before any statement runs.
 */
final class EventRows {

    private EventRows() {
    }

    static ReceivedMessageRecord newMessage(ReceivedMessage m) {
        ReceivedMessageRecord r = new ReceivedMessageRecord();
        r.setSenderId(TextGuard.checked("sender_id", m.senderId()));
        r.setMessageId(TextGuard.checked("message_id", m.messageId()));
        r.setAction(TextGuard.checked("action", m.action()));
        r.setTransactionId(TextGuard.checked("transaction_id", m.transactionId()));
        r.setCorrelationId(TextGuard.checked("correlation id", m.correlationId()));
        r.setSignatureProfile(m.profile().code());
        r.setRawBody(m.rawBody().clone());
        r.setReceivedAt(DbTime.of(m.receivedAt()));
        return r;
    }

    static ReceivedMessage message(ReceivedMessageRecord r) {
        return new ReceivedMessage(r.getSenderId(), r.getMessageId(), r.getAction(), r.getTransactionId(),
                r.getCorrelationId(), SignatureProfile.parse(r.getSignatureProfile()), r.getRawBody(),
                r.getReceivedAt());
    }

    /** A new event row: received, due at once (at the message's arrival). */
    static VitalEventRecord newEvent(ReceivedMessage m, NewVitalEvent item, String source) {
        VitalEventRecord r = new VitalEventRecord();
        r.setSenderId(m.senderId());
        r.setMessageId(m.messageId());
        r.setItemIndex(item.itemIndex());
        r.setReferenceId(TextGuard.checked("reference_id", item.referenceId()));
        r.setTransactionId(m.transactionId());
        r.setSource(source);
        r.setEventType(item.type().name());
        r.setRawEventType(TextGuard.checked("event type", item.rawEventType()));
        r.setEventDate(item.eventDate());
        r.setIdentifiers(JsonColumns.identifiers(item.identifiers()));
        r.setPersonRecord(JsonColumns.personRecord(item.person()));
        r.setRawItem(TextGuard.checked("raw item", item.rawItem()));
        r.setCustomAttributes(JsonColumns.attributes(item.customAttributes()));
        r.setState(EventState.RECEIVED.code());
        r.setAttempts(0);
        r.setNextAttemptAt(DbTime.of(m.receivedAt()));
        r.setReceivedAt(DbTime.of(m.receivedAt()));
        r.setUpdatedAt(DbTime.of(m.receivedAt()));
        return r;
    }

    static VitalEvent event(VitalEventRecord r, List<Note> notes) {
        NewVitalEvent details = new NewVitalEvent(r.getItemIndex(), r.getReferenceId(),
                VitalEventType.valueOf(r.getEventType()), r.getRawEventType(), r.getEventDate(),
                JsonColumns.personRecord(r.getPersonRecord(), JsonColumns.identifiers(r.getIdentifiers())),
                r.getRawItem(), JsonColumns.attributes(r.getCustomAttributes()));
        EventError error = r.getErrorCode() == null ? null : new EventError(r.getErrorCode(), r.getErrorMessage());
        return new VitalEvent(new EventId(r.getId()), r.getSenderId(), r.getMessageId(), r.getItemIndex(),
                r.getReferenceId(), r.getTransactionId(), r.getSource(), details, r.getReceivedAt(),
                EventState.parse(r.getState()), r.getAttempts(), r.getNextAttemptAt(), r.getLeaseUntil(), error,
                r.getOutcome() == null ? null : ProcessingOutcome.parse(r.getOutcome()),
                r.getMatchedPersonId() == null ? null : new PersonId(r.getMatchedPersonId()), notes,
                r.getUpdatedAt());
    }

    /** The life-cycle columns of {@code e} (nulls included), for an update of its row. */
    static Map<Field<?>, Object> lifecycle(VitalEvent e) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(VITAL_EVENT.STATE, e.state().code());
        values.put(VITAL_EVENT.ATTEMPTS, e.attempts());
        values.put(VITAL_EVENT.NEXT_ATTEMPT_AT, DbTime.of(e.nextAttemptAt()));
        values.put(VITAL_EVENT.LEASE_UNTIL, DbTime.of(e.leaseUntil()));
        values.put(VITAL_EVENT.ERROR_CODE, e.lastError() == null ? null : TextGuard.sanitized(e.lastError().code()));
        values.put(VITAL_EVENT.ERROR_MESSAGE,
                e.lastError() == null ? null : TextGuard.sanitized(e.lastError().message()));
        values.put(VITAL_EVENT.OUTCOME, e.outcome() == null ? null : e.outcome().code());
        values.put(VITAL_EVENT.MATCHED_PERSON_ID, e.matchedPerson() == null ? null : e.matchedPerson().value());
        values.put(VITAL_EVENT.UPDATED_AT, DbTime.of(e.updatedAt()));
        return values;
    }

    static EventNoteRecord newNote(EventId event, Note note) {
        EventNoteRecord r = new EventNoteRecord();
        r.setEventId(event.value());
        r.setAuthor(TextGuard.checked("note author", note.author()));
        r.setBody(TextGuard.checked("note text", note.text()));
        r.setNotedAt(DbTime.of(note.at()));
        return r;
    }

    static Note note(EventNoteRecord r) {
        return new Note(r.getAuthor(), r.getBody(), r.getNotedAt());
    }
}
