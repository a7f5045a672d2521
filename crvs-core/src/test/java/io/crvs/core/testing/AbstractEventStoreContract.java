package io.crvs.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.ErrorCodes;
import io.crvs.core.domain.EventError;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IllegalStateTransitionException;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.Note;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.out.EventNotFoundException;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.LeaseLostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link EventStore} must meet. Subclass it, return the store under test from
 * {@link #createStore()}; the store may hold data from earlier tests (ids are unique per test), so assertions use
 * each test's own sender id.
 */
public abstract class AbstractEventStoreContract {

    protected static final Duration LEASE = Duration.ofSeconds(30);
    /** Far in the future so claims in one test never race with due events of another. */
    protected Instant now;
    protected EventStore store;
    protected String sender;

    protected abstract EventStore createStore();

    @BeforeEach
    void setUpContract() {
        store = createStore();
        sender = TestEvents.unique("crvs.contract");
        now = Instant.parse("2030-01-01T00:00:00Z").plusSeconds(TestEvents.unique("t").hashCode() & 0xFFFF);
    }

    private StoreResult.Stored storeNew(List<NewVitalEvent> items) {
        StoreResult r = store.store(TestEvents.message(sender, now), items);
        assertThat(r).isInstanceOf(StoreResult.Stored.class);
        return (StoreResult.Stored) r;
    }

    private EventId storeOne(NewVitalEvent item) {
        return storeNew(List.of(item)).events().get(0).eventId();
    }

    /** Claims everything due at {@code at} that belongs to this test's sender. */
    private List<VitalEvent> claimMine(Instant at) {
        return store.claimDue(10_000, LEASE, at).stream().filter(e -> e.senderId().equals(sender)).toList();
    }

    @Test
    void givenNewMessage_store_returnsItsCorrelationIdAndStoresEventsReceived() {
        ReceivedMessage m = TestEvents.message(sender, now);
        StoreResult r = store.store(m, List.of(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B"))
                .build(), TestEvents.death().withIndex(1).withIdentifier("UIN", TestEvents.unique("U")).build()));

        assertThat(r.correlationId()).isEqualTo(m.correlationId());
        StoreResult.Stored stored = (StoreResult.Stored) r;
        assertThat(stored.events()).hasSize(2).noneMatch(StoreResult.StoredItem::duplicate);
        VitalEvent first = store.find(stored.events().get(0).eventId()).orElseThrow();
        assertThat(first.state()).isEqualTo(EventState.RECEIVED);
        assertThat(first.type()).isEqualTo(VitalEventType.BIRTH);
        assertThat(first.senderId()).isEqualTo(sender);
        assertThat(first.attempts()).isZero();
        assertThat(store.findMessage(sender, m.messageId())).hasValueSatisfying(found -> {
            assertThat(found.rawBody()).isEqualTo(m.rawBody());
            assertThat(found.correlationId()).isEqualTo(m.correlationId());
        });
    }

    @Test
    void givenSameMessageTwice_store_reportsDuplicateWithFirstCorrelationId() {
        ReceivedMessage m = TestEvents.message(sender, now);
        NewVitalEvent item = TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build();
        store.store(m, List.of(item));
        ReceivedMessage again = new ReceivedMessage(sender, m.messageId(), "notify", m.transactionId(),
                "another-correlation", m.profile(), m.rawBody(), now.plusSeconds(5));

        StoreResult r = store.store(again, List.of(item));

        assertThat(r).isEqualTo(new StoreResult.DuplicateMessage(m.correlationId()));
        assertThat(store.list(EventFilter.all().withSender(sender), PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void givenSameReferenceIdInNewMessage_store_reportsItemDuplicate() {
        NewVitalEvent item = TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build();
        EventId first = storeOne(item);

        StoreResult.Stored second = storeNew(List.of(item));

        assertThat(second.events()).containsExactly(new StoreResult.StoredItem(first, true));
        assertThat(store.list(EventFilter.all().withSender(sender), PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void givenItemsWithoutReferenceId_store_keysThemByMessageAndIndex() {
        StoreResult.Stored r = storeNew(List.of(
                TestEvents.death().withReferenceId(null).withIdentifier("UIN", TestEvents.unique("U")).build(),
                TestEvents.death().withReferenceId(null).withIndex(1).withIdentifier("UIN", TestEvents.unique("U"))
                        .build()));

        assertThat(r.events()).hasSize(2).noneMatch(StoreResult.StoredItem::duplicate);
        assertThat(r.events().get(0).eventId()).isNotEqualTo(r.events().get(1).eventId());
    }

    @Test
    void givenDueEvent_claim_movesItToProcessingWithLeaseAndAttempt() {
        EventId id = storeOne(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build());

        List<VitalEvent> claimed = claimMine(now);

        assertThat(claimed).extracting(VitalEvent::id).containsExactly(id);
        VitalEvent e = store.find(id).orElseThrow();
        assertThat(e.state()).isEqualTo(EventState.PROCESSING);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.leaseUntil()).isEqualTo(now.plus(LEASE));
        assertThat(claimMine(now)).isEmpty();
    }

    @Test
    void givenClaimedEvent_complete_recordsOutcomeAndAudit() {
        EventId id = storeOne(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build());
        VitalEvent claimed = claimMine(now).get(0);

        store.complete(claimed.lease(), ProcessingOutcome.APPLIED, null, now.plusSeconds(1));

        VitalEvent e = store.find(id).orElseThrow();
        assertThat(e.state()).isEqualTo(EventState.PROCESSED);
        assertThat(e.outcome()).isEqualTo(ProcessingOutcome.APPLIED);
        assertThat(e.leaseUntil()).isNull();
        assertThat(store.history(id)).extracting(AuditEntry::to)
                .containsSubsequence(EventState.RECEIVED, EventState.PROCESSING, EventState.PROCESSED);
    }

    @Test
    void givenClaimedEvents_completeAll_recordsEachOutcomeAndAuditAsCompleteDoes() {
        List<EventId> ids = storeNew(List.of(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build(),
                TestEvents.death().withIndex(1).withIdentifier("UIN", TestEvents.unique("U")).build(),
                TestEvents.death().withIndex(2).withIdentifier("UIN", TestEvents.unique("U")).build()))
                .events().stream().map(StoreResult.StoredItem::eventId).toList();
        List<VitalEvent> claimed = claimMine(now);
        PersonId person = new PersonId(7);

        store.completeAll(List.of(new EventStore.Completion(claimed.get(0).lease(), ProcessingOutcome.APPLIED,
                        person), new EventStore.Completion(claimed.get(1).lease(), ProcessingOutcome.ALREADY_APPLIED,
                        person), new EventStore.Completion(claimed.get(2).lease(), ProcessingOutcome.UNSUPPORTED, null)),
                now.plusSeconds(1));

        assertThat(claimed).extracting(VitalEvent::id).containsExactlyElementsOf(ids);
        List<ProcessingOutcome> outcomes = List.of(ProcessingOutcome.APPLIED, ProcessingOutcome.ALREADY_APPLIED,
                ProcessingOutcome.UNSUPPORTED);
        for (int i = 0; i < 3; i++) {
            VitalEvent e = store.find(ids.get(i)).orElseThrow();
            assertThat(e.state()).isEqualTo(EventState.PROCESSED);
            assertThat(e.outcome()).isEqualTo(outcomes.get(i));
            assertThat(e.matchedPerson()).isEqualTo(i < 2 ? person : null);
            assertThat(e.leaseUntil()).isNull();
            assertThat(e.attempts()).isEqualTo(1);
            List<AuditEntry> history = store.history(ids.get(i));
            AuditEntry last = history.get(history.size() - 1);
            assertThat(last.action()).isEqualTo("complete");
            assertThat(last.from()).isEqualTo(EventState.PROCESSING);
            assertThat(last.to()).isEqualTo(EventState.PROCESSED);
            assertThat(last.actor()).isEqualTo(EventStore.WORKER);
            assertThat(last.reason()).isEqualTo(outcomes.get(i).code());
        }
    }

    @Test
    void givenOneLeaseLost_completeAll_throwsLeaseLost() {
        storeNew(List.of(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build(),
                TestEvents.death().withIndex(1).withIdentifier("UIN", TestEvents.unique("U")).build()));
        List<VitalEvent> claimed = claimMine(now);
        store.requeueExpiredLeases(now.plus(LEASE).plusSeconds(1));
        List<VitalEvent> again = claimMine(now.plus(LEASE).plusSeconds(1));

        assertThatThrownBy(() -> store.completeAll(List.of(
                new EventStore.Completion(again.get(0).lease(), ProcessingOutcome.APPLIED, null),
                new EventStore.Completion(claimed.get(1).lease(), ProcessingOutcome.APPLIED, null)), now))
                .isInstanceOf(LeaseLostException.class);
    }

    /** Locks everything due at {@code at} and keeps what belongs to this test's sender. */
    private List<VitalEvent> lockMine(Instant at) {
        return store.lockDue(10_000, at).stream().filter(e -> e.senderId().equals(sender)).toList();
    }

    @Test
    void givenDueEvents_lockDueThenSettleAll_writesEachAsClaimThenCompleteOrFailWould() {
        List<EventId> ids = storeNew(List.of(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build(),
                TestEvents.death().withIndex(1).withIdentifier("UIN", TestEvents.unique("U")).build()))
                .events().stream().map(StoreResult.StoredItem::eventId).toList();
        Instant at = now.plusSeconds(1);
        List<VitalEvent> locked = lockMine(at);
        assertThat(locked).extracting(VitalEvent::id).containsExactlyElementsOf(ids);
        assertThat(locked).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(EventState.RECEIVED);
            assertThat(e.attempts()).isZero();
        });
        PersonId person = new PersonId(7);
        Instant retryAt = at.plusSeconds(60);

        store.settleAll(List.of(EventStore.Settlement.completed(locked.get(0), ProcessingOutcome.APPLIED, person),
                EventStore.Settlement.failed(locked.get(1), new EventError(ErrorCodes.NO_MATCH, "no person"), retryAt,
                        null)), LEASE, at);

        VitalEvent done = store.find(ids.get(0)).orElseThrow();
        assertThat(done.state()).isEqualTo(EventState.PROCESSED);
        assertThat(done.outcome()).isEqualTo(ProcessingOutcome.APPLIED);
        assertThat(done.matchedPerson()).isEqualTo(person);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.leaseUntil()).isNull();
        assertThat(done.updatedAt()).isEqualTo(at);
        assertThat(store.history(ids.get(0))).extracting(AuditEntry::action, AuditEntry::to, AuditEntry::reason)
                .containsExactly(tuple("receive", EventState.RECEIVED, null),
                        tuple("claim", EventState.PROCESSING, null),
                        tuple("complete", EventState.PROCESSED, ProcessingOutcome.APPLIED.code()));
        VitalEvent failed = store.find(ids.get(1)).orElseThrow();
        assertThat(failed.state()).isEqualTo(EventState.ERROR);
        assertThat(failed.lastError().code()).isEqualTo(ErrorCodes.NO_MATCH);
        assertThat(failed.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(store.history(ids.get(1))).extracting(AuditEntry::action)
                .containsExactly("receive", "claim", "fail");
        assertThat(lockMine(retryAt.minusSeconds(1))).isEmpty();
        List<VitalEvent> due = lockMine(retryAt);
        assertThat(due).extracting(VitalEvent::id).containsExactly(ids.get(1));

        store.settleAll(List.of(EventStore.Settlement.completed(due.get(0), ProcessingOutcome.APPLIED, person)), LEASE,
                retryAt);

        assertThat(store.find(ids.get(1)).orElseThrow().attempts()).isEqualTo(2);
        assertThat(store.history(ids.get(1))).extracting(AuditEntry::action)
                .containsExactly("receive", "claim", "fail", "retry", "claim", "complete");
    }

    @Test
    void givenEventClaimedSinceItWasLocked_settleAll_throwsLeaseLostAndWritesNothingOfIt() {
        EventId id = storeOne(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build());
        VitalEvent locked = lockMine(now).get(0);
        VitalEvent claimed = claimMine(now).get(0);

        assertThatThrownBy(() -> store.settleAll(List.of(EventStore.Settlement.completed(locked,
                ProcessingOutcome.APPLIED, null)), LEASE, now)).isInstanceOf(LeaseLostException.class);

        VitalEvent e = store.find(id).orElseThrow();
        assertThat(e.state()).isEqualTo(EventState.PROCESSING);
        assertThat(e.attempts()).isEqualTo(claimed.attempts());
    }

    @Test
    void givenFailureWithRetryTime_fail_keepsErrorUntilDueThenClaimsAgain() {
        EventId id = storeOne(TestEvents.death().withIdentifier("UIN", TestEvents.unique("U")).build());
        VitalEvent claimed = claimMine(now).get(0);
        Instant retryAt = now.plusSeconds(60);

        store.fail(claimed.lease(), new EventError(ErrorCodes.NO_MATCH, "no person"), retryAt, null, now);

        VitalEvent e = store.find(id).orElseThrow();
        assertThat(e.state()).isEqualTo(EventState.ERROR);
        assertThat(e.lastError().code()).isEqualTo(ErrorCodes.NO_MATCH);
        assertThat(e.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(claimMine(now.plusSeconds(59))).isEmpty();
        List<VitalEvent> again = claimMine(retryAt);
        assertThat(again).extracting(VitalEvent::id).containsExactly(id);
        assertThat(again.get(0).attempts()).isEqualTo(2);
    }

    @Test
    void givenFailureWithoutRetryTime_fail_waitsForOperatorRetry() {
        EventId id = storeOne(TestEvents.death().withIdentifier("UIN", TestEvents.unique("U")).build());
        VitalEvent claimed = claimMine(now).get(0);
        store.fail(claimed.lease(), new EventError(ErrorCodes.AMBIGUOUS_MATCH, "2 match"), null, null, now);
        assertThat(claimMine(now.plus(Duration.ofDays(365)))).isEmpty();

        VitalEvent retried = store.retry(id, "alice", "fixed the registry", now.plusSeconds(10));

        assertThat(retried.state()).isEqualTo(EventState.RECEIVED);
        assertThat(claimMine(now.plusSeconds(10))).extracting(VitalEvent::id).containsExactly(id);
        assertThat(store.history(id)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("retry");
            assertThat(a.actor()).isEqualTo("alice");
            assertThat(a.reason()).isEqualTo("fixed the registry");
            assertThat(a.from()).isEqualTo(EventState.ERROR);
        });
    }

    @Test
    void givenEventNotInError_retry_throwsIllegalTransition() {
        EventId id = storeOne(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build());

        assertThatThrownBy(() -> store.retry(id, "alice", "why", now))
                .isInstanceOf(IllegalStateTransitionException.class);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(EventState.RECEIVED);
    }

    @Test
    void givenUnknownId_operations_throwNotFound() {
        EventId missing = new EventId(Long.MAX_VALUE - 7);
        assertThat(store.find(missing)).isEmpty();
        assertThatThrownBy(() -> store.retry(missing, "a", "r", now)).isInstanceOf(EventNotFoundException.class);
        assertThatThrownBy(() -> store.addNote(missing, new Note("a", "t", now)))
                .isInstanceOf(EventNotFoundException.class);
    }

    @Test
    void givenExpiredLease_requeue_putsEventBackAndStaleLeaseIsRefused() {
        EventId id = storeOne(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build());
        VitalEvent claimed = claimMine(now).get(0);

        assertThat(store.requeueExpiredLeases(now.plus(LEASE).minusSeconds(1))).isZero();
        int requeued = store.requeueExpiredLeases(now.plus(LEASE).plusSeconds(1));

        assertThat(requeued).isGreaterThanOrEqualTo(1);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(EventState.RECEIVED);
        List<VitalEvent> again = claimMine(now.plus(LEASE).plusSeconds(1));
        assertThat(again).extracting(VitalEvent::attempts).containsExactly(2);
        assertThatThrownBy(() -> store.complete(claimed.lease(), ProcessingOutcome.APPLIED, null, now))
                .isInstanceOf(LeaseLostException.class);
        store.complete(again.get(0).lease(), ProcessingOutcome.APPLIED, null, now.plus(LEASE));
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(EventState.PROCESSED);
    }

    @Test
    void givenClaimedEvent_release_makesItDueWithoutError() {
        EventId id = storeOne(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build());
        VitalEvent claimed = claimMine(now).get(0);

        store.release(claimed.lease(), now.plusSeconds(1));

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(EventState.RECEIVED);
        assertThat(claimMine(now.plusSeconds(1))).hasSize(1);
    }

    @Test
    void givenEvents_listWithFilters_returnsMatchesNewestFirstWithTotal() {
        String uin = TestEvents.unique("U");
        EventId birth = storeOne(TestEvents.birth().withIdentifier("UIN", uin).build());
        now = now.plusSeconds(1);
        EventId death = storeOne(TestEvents.death().withIdentifier("UIN", uin).build());
        now = now.plusSeconds(1);
        storeOne(TestEvents.marriage().withIdentifier("UIN", TestEvents.unique("U")).build());

        EventFilter mine = EventFilter.all().withSender(sender);
        assertThat(store.list(mine, PageRequest.first(10)).total()).isEqualTo(3);
        assertThat(store.list(mine.withType(VitalEventType.DEATH), PageRequest.first(10)).items())
                .extracting(VitalEvent::id).containsExactly(death);
        assertThat(store.list(mine.withIdentifier(Identifier.of("UIN", uin)), PageRequest.first(10)).items())
                .extracting(VitalEvent::id).containsExactly(death, birth);
        var page2 = store.list(mine, new PageRequest(1, 1));
        assertThat(page2.items()).extracting(VitalEvent::id).containsExactly(death);
        assertThat(page2.total()).isEqualTo(3);
        assertThat(store.list(mine.withReceivedBetween(now.minusSeconds(1), now), PageRequest.first(10)).items())
                .extracting(VitalEvent::id).containsExactly(death);
        assertThat(store.list(mine.withState(EventState.ERROR), PageRequest.first(10)).total()).isZero();
    }

    @Test
    void givenErrors_retryAll_retriesOnlyMatchingErrors() {
        EventId a = storeOne(TestEvents.death().withIdentifier("UIN", TestEvents.unique("U")).build());
        EventId b = storeOne(TestEvents.birth().withIdentifier("UIN", TestEvents.unique("U")).build());
        for (VitalEvent e : claimMine(now)) {
            store.fail(e.lease(), new EventError(ErrorCodes.AMBIGUOUS_MATCH, "x"), null, null, now);
        }

        int n = store.retryAll(EventFilter.all().withSender(sender).withType(VitalEventType.DEATH), "bob", "bulk",
                now.plusSeconds(1));

        assertThat(n).isEqualTo(1);
        assertThat(store.find(a).orElseThrow().state()).isEqualTo(EventState.RECEIVED);
        assertThat(store.find(b).orElseThrow().state()).isEqualTo(EventState.ERROR);
    }

    @Test
    void givenEventsWithAndWithoutNotes_lockDue_returnsEachWithItsOwnNotesOldestFirst() {
        List<EventId> ids = storeNew(List.of(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build(),
                TestEvents.death().withIndex(1).withIdentifier("UIN", TestEvents.unique("U")).build()))
                .events().stream().map(StoreResult.StoredItem::eventId).toList();
        store.addNote(ids.get(1), new Note("carol", "first", now));
        store.addNote(ids.get(1), new Note("dave", "second", now.plusSeconds(1)));

        List<VitalEvent> locked = lockMine(now.plusSeconds(2));

        assertThat(locked).extracting(VitalEvent::id).containsExactlyElementsOf(ids);
        assertThat(locked.get(0).notes()).isEmpty();
        assertThat(locked.get(1).notes()).extracting(Note::author, Note::text)
                .containsExactly(tuple("carol", "first"), tuple("dave", "second"));
    }

    @Test
    void givenNote_addNote_keepsItWithAuthorAndAudits() {
        EventId id = storeOne(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build());

        store.addNote(id, new Note("carol", "called the registrar", now));

        assertThat(store.find(id).orElseThrow().notes()).extracting(Note::author, Note::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("carol", "called the registrar"));
        assertThat(store.history(id)).anySatisfy(h -> assertThat(h.action()).isEqualTo("note"));
    }

    @Test
    void givenStoredEvent_find_returnsDetailsAsStored() {
        NewVitalEvent item = TestEvents.marriage().withIdentifier("UIN", TestEvents.unique("U"))
                .withIdentifier("MRN", TestEvents.unique("M")).build();
        EventId id = storeOne(item);

        VitalEvent e = store.find(id).orElseThrow();

        assertThat(e.details()).isEqualTo(item);
        assertThat(e.referenceId()).isEqualTo(item.referenceId());
    }

    @Test
    void stats_countDueEvents() {
        storeOne(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build());

        var stats = store.stats(now);

        assertThat(stats.due()).isGreaterThanOrEqualTo(1);
        assertThat(stats.oldestDueSince()).isNotNull().isBeforeOrEqualTo(now);
        assertThat(stats.countsByState().get(EventState.RECEIVED)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void givenSource_store_recordsIt_andDefaultsToNotify() {
        EventId notified = storeOne(TestEvents.death().withIdentifier("UIN", TestEvents.unique("U")).build());
        ReceivedMessage m = TestEvents.message(sender, now);
        StoreResult r = store.store(m, List.of(TestEvents.death().withIdentifier("UIN", TestEvents.unique("U"))
                .build()), EventStore.SOURCE_RECONCILE);

        EventId reconciled = ((StoreResult.Stored) r).events().get(0).eventId();
        assertThat(store.find(notified).orElseThrow().source()).isEqualTo(EventStore.SOURCE_NOTIFY);
        assertThat(store.find(reconciled).orElseThrow().source()).isEqualTo(EventStore.SOURCE_RECONCILE);
        assertThat(store.history(reconciled)).extracting(AuditEntry::action).containsExactly("receive");
    }

    @Test
    void givenReconciledReferenceIdStoredBefore_store_reportsItemDuplicate() {
        NewVitalEvent item = TestEvents.death().withIdentifier("UIN", TestEvents.unique("U")).build();
        StoreResult first = store.store(TestEvents.message(sender, now), List.of(item), EventStore.SOURCE_RECONCILE);

        StoreResult second = store.store(TestEvents.message(sender, now), List.of(item), EventStore.SOURCE_RECONCILE);

        assertThat(((StoreResult.Stored) second).events()).containsExactly(
                new StoreResult.StoredItem(((StoreResult.Stored) first).events().get(0).eventId(), true));
    }
}
