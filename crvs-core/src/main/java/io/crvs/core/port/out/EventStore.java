package io.crvs.core.port.out;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.EventError;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventLease;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.Note;
import io.crvs.core.domain.Page;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.QueueStats;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.domain.VitalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outgoing persistence port: the durable log of received messages and the queue of vital events.
 *
 * <p>Contract (checked by {@code AbstractEventStoreContract} for every implementation):
 * <ul>
 *   <li>{@link #store} is idempotent: a second delivery of the same (sender, message id) stores nothing and
 *       reports {@link StoreResult.DuplicateMessage} with the first delivery's correlation id; an item whose
 *       (sender, reference id) is already stored is reported duplicate and not stored again. Concurrent calls
 *       with the same key store exactly once and never throw for it.</li>
 *   <li>Every state change follows {@link io.crvs.core.domain.EventState} and is written to the audit trail with
 *       its actor; an illegal one throws {@link io.crvs.core.domain.IllegalStateTransitionException}.</li>
 *   <li>{@link #claimDue} hands each due event to at most one caller at a time (concurrent callers get disjoint
 *       sets), oldest due first.</li>
 *   <li>{@link #complete} and {@link #fail} refuse a stale lease with {@link LeaseLostException}.</li>
 * </ul>
 * Unknown ids throw {@link EventNotFoundException}. No parameter may be {@code null} unless stated.
 * Implementations are thread-safe. When the backing store cannot be reached they throw
 * {@link StoreUnavailableException} and change nothing.
 */
public interface EventStore {

    /** Actor name used for changes made by processing workers. */
    String WORKER = "worker";
    /** Actor name used for changes made by the receiver itself (lease recovery, automatic retry). */
    String SYSTEM = "system";
    /** Source of events received in a notification. */
    String SOURCE_NOTIFY = "notify";
    /** Source of events a reconciliation found missing. */
    String SOURCE_RECONCILE = "reconcile";

    /**
     * Stores a verified message and its events (state received, due at once) in one atomic step.
     *
     * @param message the message with its raw bytes
     * @param events  its items in order; may be empty (callbacks carry no events)
     * @return new (with each item's id and whether it was a duplicate) or a duplicate delivery
     */
    StoreResult store(ReceivedMessage message, List<NewVitalEvent> events);

    /**
     * Like {@link #store(ReceivedMessage, List)}, recording where the events came from.
     *
     * <p>The default only knows {@link #SOURCE_NOTIFY}; stores that record other sources override it (and then
     * implement the two-argument form as this one with {@link #SOURCE_NOTIFY}).
     *
     * @param source {@link #SOURCE_NOTIFY} or {@link #SOURCE_RECONCILE}
     * @throws UnsupportedOperationException for a source this store cannot record
     */
    default StoreResult store(ReceivedMessage message, List<NewVitalEvent> events, String source) {
        if (SOURCE_NOTIFY.equals(source)) {
            return store(message, events);
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot record events of source "
                + source);
    }

    /** The stored message of a sender with that message id, if any. */
    Optional<ReceivedMessage> findMessage(String senderId, String messageId);

    /**
     * Claims up to {@code max} due events (received and due, or in error with an automatic retry due), moving
     * each to processing with a lease until {@code now + lease} and one more attempt.
     *
     * @return the claimed events, possibly empty
     */
    List<VitalEvent> claimDue(int max, Duration lease, Instant now);

    /** processing → processed with its outcome and the person it was applied to ({@code person} may be null). */
    void complete(EventLease lease, ProcessingOutcome outcome, PersonId person, Instant now);

    /**
     * The events {@link #claimDue} would claim now, unchanged but locked for the caller's unit of work: until it
     * ends no other caller claims or locks them. For a caller that decides them at once and writes the result with
     * {@link #settleAll} in the same unit of work: one write per event instead of a claim and then a completion,
     * and nothing to recover if the caller dies (its unit of work rolls back). A store that cannot lock answers
     * empty (the default), and the caller claims instead.
     */
    default List<VitalEvent> lockDue(int max, Instant now) {
        return List.of();
    }

    /**
     * What became of an event {@link #lockDue} locked: completed with {@code outcome}, or failed with
     * {@code error} (and an automatic retry at {@code retryAt}, or none when {@code null}).
     */
    record Settlement(VitalEvent locked, ProcessingOutcome outcome, PersonId person, EventError error,
                      Instant retryAt) {
        public Settlement {
            Objects.requireNonNull(locked, "locked");
            if ((outcome == null) == (error == null)) {
                throw new IllegalArgumentException("a settlement has either an outcome or an error");
            }
        }

        public static Settlement completed(VitalEvent locked, ProcessingOutcome outcome, PersonId person) {
            return new Settlement(locked, outcome, person, null, null);
        }

        public static Settlement failed(VitalEvent locked, EventError error, Instant retryAt, PersonId person) {
            return new Settlement(locked, null, person, error, retryAt);
        }
    }

    /**
     * Writes events {@link #lockDue} locked, in the same unit of work: each as {@link #claimDue} at {@code now}
     * for {@code lease} and then {@link #complete} or {@link #fail} would leave it, with the same audit entries.
     * Throws {@link LeaseLostException} for an event that changed since it was locked (the caller rolls back).
     * Only for a store whose {@link #lockDue} locks.
     */
    default void settleAll(List<Settlement> settlements, Duration lease, Instant now) {
        throw new UnsupportedOperationException("this store does not lock due events");
    }

    /** One event to {@link #complete}: its lease, its outcome and the person it matched (or {@code null}). */
    record Completion(EventLease lease, ProcessingOutcome outcome, PersonId person) {
        public Completion {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * {@link #complete} for several events in one unit of work, in order: the same changes and audit entries.
     * Throws as {@link #complete} does for the first event it cannot complete (the caller rolls back). By default
     * each is completed in turn; implementations may write them together.
     */
    default void completeAll(List<Completion> completions, Instant now) {
        for (Completion c : completions) {
            complete(c.lease(), c.outcome(), c.person(), now);
        }
    }

    /**
     * processing → error.
     *
     * @param retryAt when to retry automatically, or {@code null} to wait for an operator
     * @param person  the matched person, or {@code null}
     */
    void fail(EventLease lease, EventError error, Instant retryAt, PersonId person, Instant now);

    /** Releases a claimed event without penalty (graceful shutdown): processing → received, due at once. */
    void release(EventLease lease, Instant now);

    /** error → received by an operator: due at once, audited with actor and reason. */
    VitalEvent retry(EventId id, String actor, String reason, Instant now);

    /** Retries every event in error that matches the filter (its state criterion is ignored); returns how many. */
    int retryAll(EventFilter filter, String actor, String reason, Instant now);

    /** Puts events whose lease ended before {@code now} back to received; returns how many. */
    int requeueExpiredLeases(Instant now);

    /** The event, if it exists. */
    Optional<VitalEvent> find(EventId id);

    /** Events matching the filter, newest first. */
    Page<VitalEvent> list(EventFilter filter, PageRequest page);

    /** Adds an operator's note (audited). */
    void addNote(EventId id, Note note);

    /** The audit trail of an event, oldest first. */
    List<AuditEntry> history(EventId id);

    /** Records an administrative action that concerns no single event (sender changes, bulk retries). */
    void audit(AuditEntry entry);

    /** Counts for dashboards and metrics. */
    QueueStats stats(Instant now);
}
