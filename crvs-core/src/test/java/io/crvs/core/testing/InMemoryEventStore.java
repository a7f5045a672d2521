package io.crvs.core.testing;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * In-memory {@link EventStore} for tests and embedding experiments. Thread-safe (every method synchronised). By
 * default it cannot lock due events ({@link #lockDue} answers empty, as the port's default); {@link #withLocking()}
 * makes one that can, for a single {@link InMemoryTransactions} (which runs one unit of work at a time, so what
 * {@link #lockDue} returns cannot change before the unit of work ends).
 */
public final class InMemoryEventStore implements EventStore, InMemoryTransactions.Participant {

    private final boolean locking;

    public InMemoryEventStore() {
        this(false);
    }

    private InMemoryEventStore(boolean locking) {
        this.locking = locking;
    }

    /** A store whose {@link #lockDue} and {@link #settleAll} work. */
    public static InMemoryEventStore withLocking() {
        return new InMemoryEventStore(true);
    }

    private Map<String, ReceivedMessage> messages = new HashMap<>();
    private Map<EventId, VitalEvent> events = new LinkedHashMap<>();
    private Map<String, EventId> byItemKey = new HashMap<>();
    private List<AuditEntry> audit = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized Runnable snapshot() {
        Map<String, ReceivedMessage> m = new HashMap<>(messages);
        Map<EventId, VitalEvent> e = new LinkedHashMap<>(events);
        Map<String, EventId> k = new HashMap<>(byItemKey);
        List<AuditEntry> a = new ArrayList<>(audit);
        long n = nextId;
        return () -> {
            synchronized (this) {
                messages = m;
                events = e;
                byItemKey = k;
                audit = a;
                nextId = n;
            }
        };
    }

    @Override
    public StoreResult store(ReceivedMessage message, List<NewVitalEvent> items) {
        return store(message, items, SOURCE_NOTIFY);
    }

    @Override
    public synchronized StoreResult store(ReceivedMessage message, List<NewVitalEvent> items, String source) {
        if (!SOURCE_NOTIFY.equals(source) && !SOURCE_RECONCILE.equals(source)) {
            throw new IllegalArgumentException("unknown event source " + source);
        }
        String messageKey = message.senderId() + '\u0000' + message.messageId();
        ReceivedMessage first = messages.get(messageKey);
        if (first != null) {
            return new StoreResult.DuplicateMessage(first.correlationId());
        }
        messages.put(messageKey, message);
        List<StoreResult.StoredItem> stored = new ArrayList<>();
        for (NewVitalEvent item : items) {
            String itemKey = item.referenceId() != null
                    ? "ref\u0000" + message.senderId() + '\u0000' + item.referenceId()
                    : "idx\u0000" + message.senderId() + '\u0000' + message.messageId() + '\u0000' + item.itemIndex();
            EventId existing = byItemKey.get(itemKey);
            if (existing != null) {
                stored.add(new StoreResult.StoredItem(existing, true));
                continue;
            }
            EventId id = new EventId(nextId++);
            events.put(id, VitalEvent.received(id, message, item, source));
            byItemKey.put(itemKey, id);
            audit.add(new AuditEntry(id, "receive", null, EventState.RECEIVED, SYSTEM, null, message.receivedAt()));
            stored.add(new StoreResult.StoredItem(id, false));
        }
        return new StoreResult.Stored(message.correlationId(), stored);
    }

    @Override
    public synchronized Optional<ReceivedMessage> findMessage(String senderId, String messageId) {
        return Optional.ofNullable(messages.get(senderId + '\u0000' + messageId));
    }

    @Override
    public synchronized List<VitalEvent> claimDue(int max, Duration lease, Instant now) {
        List<VitalEvent> due = events.values().stream().filter(e -> e.isDue(now))
                .sorted(Comparator.comparing(VitalEvent::nextAttemptAt).thenComparing(e -> e.id().value()))
                .limit(max).toList();
        List<VitalEvent> claimed = new ArrayList<>();
        for (VitalEvent e : due) {
            VitalEvent c = e.claim(now, lease);
            if (e.state() == EventState.ERROR) {
                audit.add(new AuditEntry(e.id(), "retry", EventState.ERROR, EventState.RECEIVED, SYSTEM,
                        "automatic retry", now));
            }
            events.put(c.id(), c);
            audit.add(new AuditEntry(c.id(), "claim", EventState.RECEIVED, EventState.PROCESSING, WORKER, null, now));
            claimed.add(c);
        }
        return claimed;
    }

    @Override
    public synchronized List<VitalEvent> lockDue(int max, Instant now) {
        if (!locking) {
            return List.of();
        }
        return events.values().stream().filter(e -> e.isDue(now))
                .sorted(Comparator.comparing(VitalEvent::nextAttemptAt).thenComparing(e -> e.id().value()))
                .limit(max).toList();
    }

    @Override
    public synchronized void settleAll(List<Settlement> settlements, Duration lease, Instant now) {
        if (!locking) {
            EventStore.super.settleAll(settlements, lease, now);
        }
        for (Settlement s : settlements) {
            VitalEvent e = require(s.locked().id());
            if (e.state() != s.locked().state() || e.attempts() != s.locked().attempts()) {
                throw new LeaseLostException(s.locked().lease());
            }
            VitalEvent c = e.claim(now, lease);
            if (e.state() == EventState.ERROR) {
                audit.add(new AuditEntry(e.id(), "retry", EventState.ERROR, EventState.RECEIVED, SYSTEM,
                        "automatic retry", now));
            }
            audit.add(new AuditEntry(c.id(), "claim", EventState.RECEIVED, EventState.PROCESSING, WORKER, null, now));
            VitalEvent done = s.outcome() != null ? c.complete(s.outcome(), s.person(), now)
                    : c.fail(s.error(), s.retryAt(), s.person(), now);
            events.put(done.id(), done);
            audit.add(s.outcome() != null
                    ? new AuditEntry(done.id(), "complete", c.state(), done.state(), WORKER, s.outcome().code(), now)
                    : new AuditEntry(done.id(), "fail", c.state(), done.state(), WORKER, s.error().code(), now));
        }
    }

    @Override
    public synchronized void complete(EventLease lease, ProcessingOutcome outcome, PersonId person, Instant now) {
        VitalEvent e = leased(lease);
        VitalEvent c = e.complete(outcome, person, now);
        events.put(c.id(), c);
        audit.add(new AuditEntry(c.id(), "complete", e.state(), c.state(), WORKER, outcome.code(), now));
    }

    @Override
    public synchronized void fail(EventLease lease, EventError error, Instant retryAt, PersonId person, Instant now) {
        VitalEvent e = leased(lease);
        VitalEvent f = e.fail(error, retryAt, person, now);
        events.put(f.id(), f);
        audit.add(new AuditEntry(f.id(), "fail", e.state(), f.state(), WORKER, error.code(), now));
    }

    @Override
    public synchronized void release(EventLease lease, Instant now) {
        VitalEvent e = leased(lease);
        VitalEvent r = e.expireLease(now);
        events.put(r.id(), r);
        audit.add(new AuditEntry(r.id(), "release", e.state(), r.state(), WORKER, "shutdown", now));
    }

    @Override
    public synchronized VitalEvent retry(EventId id, String actor, String reason, Instant now) {
        VitalEvent e = require(id);
        VitalEvent r = e.retry(now);
        events.put(id, r);
        audit.add(new AuditEntry(id, "retry", e.state(), r.state(), actor, reason, now));
        return r;
    }

    @Override
    public synchronized int retryAll(EventFilter filter, String actor, String reason, Instant now) {
        EventFilter errors = filter.withState(EventState.ERROR);
        List<EventId> ids = events.values().stream().filter(errors::matches).map(VitalEvent::id).toList();
        ids.forEach(id -> retry(id, actor, reason, now));
        return ids.size();
    }

    @Override
    public synchronized int requeueExpiredLeases(Instant now) {
        int n = 0;
        for (VitalEvent e : List.copyOf(events.values())) {
            if (e.state() == EventState.PROCESSING && e.leaseUntil() != null && e.leaseUntil().isBefore(now)) {
                VitalEvent r = e.expireLease(now);
                events.put(r.id(), r);
                audit.add(new AuditEntry(r.id(), "lease_expired", e.state(), r.state(), SYSTEM, null, now));
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized Optional<VitalEvent> find(EventId id) {
        return Optional.ofNullable(events.get(id));
    }

    @Override
    public synchronized Page<VitalEvent> list(EventFilter filter, PageRequest page) {
        List<VitalEvent> all = events.values().stream().filter(filter::matches)
                .sorted(Comparator.comparing(VitalEvent::receivedAt).thenComparing(e -> e.id().value()).reversed())
                .toList();
        List<VitalEvent> slice = all.stream().skip(page.offset()).limit(page.limit()).toList();
        return new Page<>(slice, all.size(), page.offset(), page.limit());
    }

    @Override
    public synchronized void addNote(EventId id, Note note) {
        update(id, e -> e.withNote(note));
        audit.add(new AuditEntry(id, "note", null, null, note.author(), null, note.at()));
    }

    @Override
    public synchronized List<AuditEntry> history(EventId id) {
        require(id);
        return audit.stream().filter(a -> id.equals(a.eventId())).toList();
    }

    @Override
    public synchronized void audit(AuditEntry entry) {
        audit.add(entry);
    }

    /** Every audit line written so far (event changes and administrative actions), oldest first. */
    public synchronized List<AuditEntry> auditTrail() {
        return List.copyOf(audit);
    }

    @Override
    public synchronized QueueStats stats(Instant now) {
        Map<EventState, Long> counts = new EnumMap<>(EventState.class);
        for (EventState s : EventState.values()) {
            counts.put(s, 0L);
        }
        long due = 0;
        Instant oldest = null;
        for (VitalEvent e : events.values()) {
            counts.merge(e.state(), 1L, Long::sum);
            if (e.isDue(now)) {
                due++;
                oldest = oldest == null || e.nextAttemptAt().isBefore(oldest) ? e.nextAttemptAt() : oldest;
            }
        }
        return new QueueStats(counts, due, oldest);
    }

    private VitalEvent require(EventId id) {
        VitalEvent e = events.get(id);
        if (e == null) {
            throw new EventNotFoundException(id);
        }
        return e;
    }

    private VitalEvent leased(EventLease lease) {
        VitalEvent e = require(lease.eventId());
        if (e.state() != EventState.PROCESSING || e.attempts() != lease.attempt()) {
            throw new LeaseLostException(lease);
        }
        return e;
    }

    private void update(EventId id, UnaryOperator<VitalEvent> change) {
        events.put(id, change.apply(require(id)));
    }
}
