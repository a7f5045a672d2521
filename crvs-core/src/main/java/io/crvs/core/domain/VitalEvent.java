package io.crvs.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored vital event (one {@code notify_event} item) and where it is in its life cycle. Immutable; the
 * {@code claim}/{@code complete}/{@code fail}/{@code retry}/{@code expireLease} methods return the next version
 * and enforce the {@link EventState} transitions, so every store applies the same rules.
 *
 * @param id              identity
 * @param senderId        who sent it
 * @param messageId       the message it came in
 * @param itemIndex       its position in that message
 * @param referenceId     the sender's reference id, or {@code null}
 * @param transactionId   the message's transaction id, or {@code null}
 * @param source          {@code notify} or {@code reconcile}
 * @param details         type, date, person record and raw item as received
 * @param receivedAt      when it arrived
 * @param state           life-cycle state
 * @param attempts        how many times a worker claimed it
 * @param nextAttemptAt   when it is due (received) or will be retried automatically (error); {@code null} if never
 * @param leaseUntil      while processing, until when the worker holds it; otherwise {@code null}
 * @param lastError       the last failure, or {@code null}
 * @param outcome         once processed, how it ended; otherwise {@code null}
 * @param matchedPerson   the registry person it was applied to, or {@code null}
 * @param notes           operators' notes, oldest first
 * @param updatedAt       last change
 */
public record VitalEvent(EventId id, String senderId, String messageId, int itemIndex, String referenceId,
                         String transactionId, String source, NewVitalEvent details, Instant receivedAt,
                         EventState state, int attempts, Instant nextAttemptAt, Instant leaseUntil,
                         EventError lastError, ProcessingOutcome outcome, PersonId matchedPerson,
                         List<Note> notes, Instant updatedAt) {

    public VitalEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(state, "state");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A freshly stored event: received, due at once. */
    public static VitalEvent received(EventId id, ReceivedMessage message, NewVitalEvent details, String source) {
        return new VitalEvent(id, message.senderId(), message.messageId(), details.itemIndex(),
                details.referenceId(), message.transactionId(), source, details, message.receivedAt(),
                EventState.RECEIVED, 0, message.receivedAt(), null, null, null, null, List.of(),
                message.receivedAt());
    }

    public VitalEventType type() {
        return details.type();
    }

    public LocalDate eventDate() {
        return details.eventDate();
    }

    public CrvsPersonRecord person() {
        return details.person();
    }

    public List<Identifier> identifiers() {
        return details.identifiers();
    }

    public Map<String, String> customAttributes() {
        return details.customAttributes();
    }

    /** Whether a worker may claim it at {@code now}. */
    public boolean isDue(Instant now) {
        return (state == EventState.RECEIVED || state == EventState.ERROR)
                && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
    }

    /** The lease that identifies this claim; completing or failing with a stale lease is refused. */
    public EventLease lease() {
        return new EventLease(id, attempts);
    }

    /** received → processing (an error due for an automatic retry passes through received). */
    public VitalEvent claim(Instant now, Duration leaseDuration) {
        EventState from = state == EventState.ERROR ? state.next(EventState.Transition.RETRY) : state;
        return new VitalEvent(id, senderId, messageId, itemIndex, referenceId, transactionId, source, details,
                receivedAt, from.next(EventState.Transition.CLAIM), attempts + 1, null, now.plus(leaseDuration),
                lastError, null, matchedPerson, notes, now);
    }

    /** processing → processed. */
    public VitalEvent complete(ProcessingOutcome result, PersonId person, Instant now) {
        Objects.requireNonNull(result, "result");
        return new VitalEvent(id, senderId, messageId, itemIndex, referenceId, transactionId, source, details,
                receivedAt, state.next(EventState.Transition.COMPLETE), attempts, null, null, null, result,
                person, notes, now);
    }

    /** processing → error; {@code retryAt} non-null schedules an automatic retry. */
    public VitalEvent fail(EventError error, Instant retryAt, PersonId person, Instant now) {
        Objects.requireNonNull(error, "error");
        return new VitalEvent(id, senderId, messageId, itemIndex, referenceId, transactionId, source, details,
                receivedAt, state.next(EventState.Transition.FAIL), attempts, retryAt, null, error, null,
                person, notes, now);
    }

    /** error → received, due at {@code now}. */
    public VitalEvent retry(Instant now) {
        return new VitalEvent(id, senderId, messageId, itemIndex, referenceId, transactionId, source, details,
                receivedAt, state.next(EventState.Transition.RETRY), attempts, now, null, lastError, null,
                matchedPerson, notes, now);
    }

    /** processing → received, due at {@code now}, because the worker's lease ran out. */
    public VitalEvent expireLease(Instant now) {
        return new VitalEvent(id, senderId, messageId, itemIndex, referenceId, transactionId, source, details,
                receivedAt, state.next(EventState.Transition.LEASE_EXPIRED), attempts, now, null, lastError, null,
                matchedPerson, notes, now);
    }

    /** The same event with one more note. */
    public VitalEvent withNote(Note note) {
        List<Note> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new VitalEvent(id, senderId, messageId, itemIndex, referenceId, transactionId, source, details,
                receivedAt, state, attempts, nextAttemptAt, leaseUntil, lastError, outcome, matchedPerson, more,
                updatedAt);
    }
}
