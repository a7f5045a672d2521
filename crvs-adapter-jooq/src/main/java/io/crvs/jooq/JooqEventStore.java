package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.RECEIVED_MESSAGE;
import static io.crvs.jooq.generated.Tables.VITAL_EVENT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.EventError;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventLease;
import io.crvs.core.domain.EventState;
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
import io.crvs.core.port.out.EventNotFoundException;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.LeaseLostException;
import io.crvs.jooq.generated.tables.records.VitalEventRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link EventStore} on PostgreSQL.
 *
 * <p>Idempotency rests on unique indexes, not on checks made first: messages and events are inserted with
 * {@code ON CONFLICT DO NOTHING}, and an insert that stored nothing is a duplicate (concurrent deliveries of the
 * same message wait for each other in PostgreSQL and never fail). The queue claim locks due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent workers get disjoint batches. Every state change goes through the
 * domain's {@link VitalEvent} transition methods and is audited in the same unit of work. Thread-safe; joins the
 * caller's {@link JooqTransactions} unit of work.
 */
public final class JooqEventStore implements EventStore {

    /** The due events, oldest first, locked (skipping those locked elsewhere); binds: now, how many (long). */
    private static final RenderedQuery LOCK_DUE = RenderedQuery.of(DSL.selectFrom(VITAL_EVENT)
            .where(EventConditions.dueAt(Instant.EPOCH)).orderBy(VITAL_EVENT.NEXT_ATTEMPT_AT, VITAL_EVENT.ID)
            .limit(1).forUpdate().skipLocked());

    private final JooqTransactions tx;

    /**
     * @param transactions the unit-of-work provider whose connection this store uses; not {@code null}
     */
    public JooqEventStore(JooqTransactions transactions) {
        this.tx = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public StoreResult store(ReceivedMessage message, List<NewVitalEvent> events) {
        return store(message, events, SOURCE_NOTIFY);
    }

    @Override
    public StoreResult store(ReceivedMessage message, List<NewVitalEvent> events, String source) {
        MessageIntake intake = MessageIntake.of(message, events, source);
        return tx.call(intake::store);
    }

    @Override
    public Optional<ReceivedMessage> findMessage(String senderId, String messageId) {
        if (TextGuard.hasNul(senderId) || TextGuard.hasNul(messageId)) {
            return Optional.empty();
        }
        Condition key = MessageIntake.messageKey(senderId, messageId);
        return tx.call(ctx -> ctx.selectFrom(RECEIVED_MESSAGE).where(key).fetchOptional(EventRows::message));
    }

    @Override
    public List<VitalEvent> claimDue(int max, Duration lease, Instant now) {
        Objects.requireNonNull(lease, "lease");
        Instant at = DbTime.of(now);
        if (max <= 0) {
            return List.of();
        }
        return tx.call(ctx -> {
            List<VitalEvent> due = lockedDue(ctx, at, max);
            if (due.isEmpty()) {
                return List.of();
            }
            List<VitalEvent> claimed = new ArrayList<>();
            List<AuditEntry> audit = new ArrayList<>();
            for (VitalEvent event : due) {
                if (event.state() == EventState.ERROR) {
                    audit.add(new AuditEntry(event.id(), "retry", EventState.ERROR, EventState.RECEIVED, SYSTEM,
                            "automatic retry", at));
                }
                VitalEvent next = event.claim(at, lease);
                audit.add(new AuditEntry(event.id(), "claim", EventState.RECEIVED, next.state(), WORKER, null, at));
                claimed.add(next);
            }
            // One statement for the batch; the rows are locked, so attempts + 1 is what VitalEvent.claim computed.
            VitalEvent first = claimed.get(0);
            ctx.update(VITAL_EVENT)
                    .set(VITAL_EVENT.STATE, first.state().code())
                    .set(VITAL_EVENT.ATTEMPTS, VITAL_EVENT.ATTEMPTS.plus(1))
                    .setNull(VITAL_EVENT.NEXT_ATTEMPT_AT)
                    .set(VITAL_EVENT.LEASE_UNTIL, DbTime.of(first.leaseUntil()))
                    .setNull(VITAL_EVENT.OUTCOME)
                    .set(VITAL_EVENT.UPDATED_AT, at)
                    .where(VITAL_EVENT.ID.in(due.stream().map(e -> e.id().value()).toList()))
                    .execute();
            AuditLog.append(ctx, audit);
            return claimed;
        });
    }

    /**
     * The due rows, locked ({@code for update skip locked}) for the caller's unit of work and left unchanged: a
     * caller that settles them in the same unit of work writes each row once instead of claiming and then
     * completing it.
     */
    @Override
    public List<VitalEvent> lockDue(int max, Instant now) {
        Instant at = DbTime.of(now);
        if (max <= 0) {
            return List.of();
        }
        return tx.call(ctx -> lockedDue(ctx, at, max));
    }

    /** Locks up to {@code max} events due at {@code at}, oldest first, and reads them with their notes. */
    private static List<VitalEvent> lockedDue(DSLContext ctx, Instant at, int max) {
        List<VitalEventRecord> due = LOCK_DUE.fetch(ctx, at, (long) max).into(VITAL_EVENT);
        if (due.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Note>> notes = EventNotes.of(ctx, due.stream().map(VitalEventRecord::getId).toList());
        return due.stream().map(row -> EventRows.event(row, notes.getOrDefault(row.getId(), List.of()))).toList();
    }

    /**
     * One update of the rows from a {@code values} list, guarded by the state and attempt count each row had when
     * it was locked, and one insert of the audit entries a claim and then a completion or failure would have
     * written.
     */
    @Override
    public void settleAll(List<Settlement> settlements, Duration lease, Instant now) {
        Objects.requireNonNull(lease, "lease");
        if (settlements.isEmpty()) {
            return;
        }
        Instant at = DbTime.of(now);
        List<VitalEvent> settled = new ArrayList<>(settlements.size());
        List<AuditEntry> audit = new ArrayList<>(settlements.size() * 2);
        for (Settlement s : settlements) {
            VitalEvent locked = s.locked();
            if (locked.state() == EventState.ERROR) {
                audit.add(new AuditEntry(locked.id(), "retry", EventState.ERROR, EventState.RECEIVED, SYSTEM,
                        "automatic retry", at));
            }
            VitalEvent claimed = locked.claim(at, lease);
            audit.add(new AuditEntry(locked.id(), "claim", EventState.RECEIVED, claimed.state(), WORKER, null, at));
            VitalEvent done = s.outcome() != null ? claimed.complete(s.outcome(), s.person(), at)
                    : claimed.fail(s.error(), DbTime.of(s.retryAt()), s.person(), at);
            audit.add(new AuditEntry(done.id(), s.outcome() != null ? "complete" : "fail", claimed.state(),
                    done.state(), WORKER, s.outcome() != null ? s.outcome().code() : s.error().code(), at));
            settled.add(done);
        }
        tx.call(ctx -> {
            Set<Long> written = writeAll(ctx, settled, settlements.stream().map(Settlement::locked).toList());
            for (Settlement s : settlements) {
                if (!written.contains(s.locked().id().value())) {
                    throw new LeaseLostException(s.locked().lease());
                }
            }
            AuditLog.append(ctx, audit);
            return null;
        });
    }

    @Override
    public void complete(EventLease lease, ProcessingOutcome outcome, PersonId person, Instant now) {
        Objects.requireNonNull(outcome, "outcome");
        Instant at = DbTime.of(now);
        finishLeased(lease, e -> e.complete(outcome, person, at), "complete", outcome.code(), at);
    }

    /**
     * Completes the events together: one locking read of their rows (in id order), the same checks and
     * transitions as {@link #complete}, one batched update and one insert of their audit entries.
     */
    @Override
    public void completeAll(List<Completion> completions, Instant now) {
        List<Long> ids = completions.stream().map(c -> c.lease().eventId().value()).toList();
        if (ids.size() < 2 || new HashSet<>(ids).size() < ids.size()) {
            EventStore.super.completeAll(completions, now);
            return;
        }
        Instant at = DbTime.of(now);
        tx.call(ctx -> {
            Map<Long, VitalEventRecord> rows = ctx.selectFrom(VITAL_EVENT).where(VITAL_EVENT.ID.in(ids))
                    .orderBy(VITAL_EVENT.ID).forUpdate().fetchMap(VITAL_EVENT.ID);
            List<VitalEvent> changed = new ArrayList<>(completions.size());
            List<AuditEntry> audit = new ArrayList<>(completions.size());
            for (Completion c : completions) {
                VitalEventRecord row = rows.get(c.lease().eventId().value());
                if (row == null) {
                    throw new EventNotFoundException(c.lease().eventId());
                }
                if (!EventState.PROCESSING.code().equals(row.getState()) || row.getAttempts() != c.lease().attempt()) {
                    throw new LeaseLostException(c.lease());
                }
                VitalEvent before = EventRows.event(row, List.of());
                VitalEvent after = before.complete(c.outcome(), c.person(), at);
                changed.add(after);
                audit.add(new AuditEntry(after.id(), "complete", before.state(), after.state(), WORKER,
                        c.outcome().code(), at));
            }
            Set<Long> written = writeAll(ctx, changed, null);
            if (written.size() != changed.size()) {
                throw new IllegalStateException("updated " + written.size() + " of " + changed.size()
                        + " locked events");
            }
            AuditLog.append(ctx, audit);
            return null;
        });
    }

    @Override
    public void fail(EventLease lease, EventError error, Instant retryAt, PersonId person, Instant now) {
        Objects.requireNonNull(error, "error");
        Instant at = DbTime.of(now);
        finishLeased(lease, e -> e.fail(error, DbTime.of(retryAt), person, at), "fail", error.code(), at);
    }

    @Override
    public void release(EventLease lease, Instant now) {
        Instant at = DbTime.of(now);
        finishLeased(lease, e -> e.expireLease(at), "release", "shutdown", at);
    }

    /** Applies a transition to a leased event, refusing a lease that is no longer the event's current one. */
    private void finishLeased(EventLease lease, UnaryOperator<VitalEvent> transition, String action, String reason,
                              Instant at) {
        Objects.requireNonNull(lease, "lease");
        tx.call(ctx -> {
            VitalEventRecord row = lockedRow(ctx, lease.eventId());
            if (!EventState.PROCESSING.code().equals(row.getState()) || row.getAttempts() != lease.attempt()) {
                throw new LeaseLostException(lease);
            }
            VitalEvent before = EventRows.event(row, List.of());
            VitalEvent after = transition.apply(before);
            write(ctx, after);
            AuditLog.append(ctx, List.of(new AuditEntry(after.id(), action, before.state(), after.state(), WORKER,
                    reason, at)));
            return null;
        });
    }

    @Override
    public VitalEvent retry(EventId id, String actor, String reason, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Instant at = DbTime.of(now);
        return tx.call(ctx -> {
            VitalEventRecord row = lockedRow(ctx, id);
            VitalEvent before = EventRows.event(row, EventNotes.of(ctx, List.of(row.getId())).getOrDefault(row.getId(),
                    List.of()));
            VitalEvent after = before.retry(at);
            write(ctx, after);
            AuditLog.append(ctx, List.of(new AuditEntry(id, "retry", before.state(), after.state(), actor, reason,
                    at)));
            return after;
        });
    }

    @Override
    public int retryAll(EventFilter filter, String actor, String reason, Instant now) {
        Objects.requireNonNull(actor, "actor");
        Instant at = DbTime.of(now);
        Condition errors = EventConditions.matching(filter.withState(EventState.ERROR));
        return tx.call(ctx -> {
            // One statement for the whole set: the same change VitalEvent.retry makes (error -> received, due now).
            List<Long> ids = ctx.update(VITAL_EVENT)
                    .set(VITAL_EVENT.STATE, EventState.RECEIVED.code())
                    .set(VITAL_EVENT.NEXT_ATTEMPT_AT, at)
                    .setNull(VITAL_EVENT.LEASE_UNTIL)
                    .setNull(VITAL_EVENT.OUTCOME)
                    .set(VITAL_EVENT.UPDATED_AT, at)
                    .where(errors).returningResult(VITAL_EVENT.ID).fetch().getValues(VITAL_EVENT.ID);
            AuditLog.append(ctx, ids.stream().map(id -> new AuditEntry(new EventId(id), "retry", EventState.ERROR,
                    EventState.RECEIVED, actor, reason, at)).toList());
            return ids.size();
        });
    }

    @Override
    public int requeueExpiredLeases(Instant now) {
        Instant at = DbTime.of(now);
        return tx.call(ctx -> {
            // The same change VitalEvent.expireLease makes (processing -> received, due now), for every expired lease.
            List<Long> ids = ctx.update(VITAL_EVENT)
                    .set(VITAL_EVENT.STATE, EventState.RECEIVED.code())
                    .set(VITAL_EVENT.NEXT_ATTEMPT_AT, at)
                    .setNull(VITAL_EVENT.LEASE_UNTIL)
                    .setNull(VITAL_EVENT.OUTCOME)
                    .set(VITAL_EVENT.UPDATED_AT, at)
                    .where(EventConditions.leaseExpiredBefore(at)).returningResult(VITAL_EVENT.ID).fetch()
                    .getValues(VITAL_EVENT.ID);
            AuditLog.append(ctx, ids.stream().map(id -> new AuditEntry(new EventId(id), "lease_expired",
                    EventState.PROCESSING, EventState.RECEIVED, SYSTEM, null, at)).toList());
            return ids.size();
        });
    }

    @Override
    public Optional<VitalEvent> find(EventId id) {
        Objects.requireNonNull(id, "id");
        return tx.call(ctx -> ctx.selectFrom(VITAL_EVENT).where(VITAL_EVENT.ID.eq(id.value())).fetchOptional()
                .map(row -> EventRows.event(row, EventNotes.of(ctx, List.of(row.getId())).getOrDefault(row.getId(),
                        List.of()))));
    }

    @Override
    public Page<VitalEvent> list(EventFilter filter, PageRequest page) {
        Condition condition = EventConditions.matching(filter);
        return tx.call(ctx -> {
            long total = ctx.fetchCount(VITAL_EVENT, condition);
            List<VitalEventRecord> rows = ctx.selectFrom(VITAL_EVENT).where(condition)
                    .orderBy(VITAL_EVENT.RECEIVED_AT.desc(), VITAL_EVENT.ID.desc())
                    .offset(page.offset()).limit(page.limit()).fetch();
            Map<Long, List<Note>> notes = EventNotes.of(ctx, rows.stream().map(VitalEventRecord::getId).toList());
            List<VitalEvent> events = rows.stream()
                    .map(r -> EventRows.event(r, notes.getOrDefault(r.getId(), List.of()))).toList();
            return new Page<>(events, total, page.offset(), page.limit());
        });
    }

    @Override
    public void addNote(EventId id, Note note) {
        Objects.requireNonNull(id, "id");
        var row = EventRows.newNote(id, note);
        tx.call(ctx -> {
            requireExists(ctx, id);
            EventNotes.add(ctx, row);
            AuditLog.append(ctx, List.of(new AuditEntry(id, "note", null, null, note.author(), null, note.at())));
            return null;
        });
    }

    @Override
    public List<AuditEntry> history(EventId id) {
        Objects.requireNonNull(id, "id");
        return tx.call(ctx -> {
            requireExists(ctx, id);
            return AuditLog.of(ctx, id);
        });
    }

    @Override
    public void audit(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        tx.call(ctx -> {
            AuditLog.append(ctx, List.of(entry));
            return null;
        });
    }

    @Override
    public QueueStats stats(Instant now) {
        Instant at = DbTime.of(now);
        return tx.call(ctx -> {
            Map<EventState, Long> counts = new EnumMap<>(EventState.class);
            for (EventState s : EventState.values()) {
                counts.put(s, 0L);
            }
            ctx.select(VITAL_EVENT.STATE, count()).from(VITAL_EVENT).groupBy(VITAL_EVENT.STATE)
                    .forEach(r -> counts.put(EventState.parse(r.value1()), r.value2().longValue()));
            Record2<Integer, Instant> due = ctx.select(count(), min(VITAL_EVENT.NEXT_ATTEMPT_AT)).from(VITAL_EVENT)
                    .where(EventConditions.dueAt(at)).fetchSingle();
            return new QueueStats(counts, due.value1(), due.value2());
        });
    }

    private static VitalEventRecord lockedRow(DSLContext ctx, EventId id) {
        return ctx.selectFrom(VITAL_EVENT).where(VITAL_EVENT.ID.eq(id.value())).forUpdate().fetchOptional()
                .orElseThrow(() -> new EventNotFoundException(id));
    }

    private static void requireExists(DSLContext ctx, EventId id) {
        if (!ctx.fetchExists(VITAL_EVENT, VITAL_EVENT.ID.eq(id.value()))) {
            throw new EventNotFoundException(id);
        }
    }

    /**
     * The life-cycle columns of each event, in one statement whose text does not depend on the number of events:
     * {@code update vital_event set … from unnest(…) v where vital_event.id = v.id}; with {@code expected} (the same
     * events as they were read), only rows still in that state and attempt count are written.
     *
     * @return the ids of the rows written
     */
    private static Set<Long> writeAll(DSLContext ctx, List<VitalEvent> changed, List<VitalEvent> expected) {
        List<Field<?>> lifecycle = new ArrayList<>(EventRows.lifecycle(changed.get(0)).keySet());
        List<Field<?>> columns = new ArrayList<>(List.of(VITAL_EVENT.ID, VITAL_EVENT.STATE, VITAL_EVENT.ATTEMPTS));
        columns.addAll(lifecycle);
        List<String> names = new ArrayList<>(List.of("id", "expected_state", "expected_attempts"));
        lifecycle.forEach(c -> names.add(c.getName()));
        StringBuilder sql = new StringBuilder("update vital_event e set ");
        for (int i = 0; i < lifecycle.size(); i++) {
            String name = lifecycle.get(i).getName();
            sql.append(i == 0 ? "" : ", ").append(name).append(" = v.").append(name);
        }
        sql.append(" from ").append(Unnest.from(columns, names, "v")).append(" where e.id = v.id and (v.expected_state"
                + " is null or (e.state = v.expected_state and e.attempts = v.expected_attempts)) returning e.id");
        List<Object[]> rows = new ArrayList<>(changed.size());
        for (int i = 0; i < changed.size(); i++) {
            VitalEvent e = changed.get(i);
            List<Object> row = new ArrayList<>(columns.size());
            row.add(e.id().value());
            row.add(expected == null ? null : expected.get(i).state().code());
            row.add(expected == null ? null : expected.get(i).attempts());
            row.addAll(EventRows.lifecycle(e).values());
            rows.add(row.toArray());
        }
        return Unnest.returnedIds(ctx, sql.toString(), columns.size(), rows);
    }

    private static void write(DSLContext ctx, VitalEvent event) {
        ctx.update(VITAL_EVENT).set(EventRows.lifecycle(event)).where(VITAL_EVENT.ID.eq(event.id().value()))
                .execute();
    }
}
