package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static io.crvs.jooq.generated.Tables.PERSON;
import static io.crvs.jooq.generated.Tables.PERSON_IDENTIFIER;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.ErrorCodes;
import io.crvs.core.domain.EventError;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.RetryPolicy;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.in.ProcessDueEventsUseCase.ProcessingReport;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.LeaseLostException;
import io.crvs.core.port.out.PartnerRepository;
import io.crvs.core.port.out.ProcessingObserver;
import io.crvs.core.service.ProcessDueEventsService;
import io.crvs.core.spi.HandlerRegistry;
import io.crvs.core.testing.MutableClock;
import io.crvs.core.testing.TestEvents;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable queue with the real core {@link ProcessDueEventsService}: concurrent workers, dead workers, and the
 * atomicity of a person update with its event's state. Each test has a database of its own (workers claim
 * everything due).
 */
class QueueProcessingTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");

    private PostgresDatabase db;
    private JooqTransactions transactions;
    private JooqEventStore events;
    private JooqPartnerRepository partners;
    private MutableClock clock;
    private final Map<EventId, Integer> processedTimes = new ConcurrentHashMap<>();

    @BeforeEach
    void open() {
        db = TestPostgres.freshDatabase();
        transactions = new JooqTransactions(db.dataSource());
        events = new JooqEventStore(transactions);
        partners = new JooqPartnerRepository(transactions);
        clock = new MutableClock(START);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ProcessDueEventsService worker(PartnerRepository registry) {
        return worker(registry, events);
    }

    /**
     * The jOOQ store seen as one that cannot lock due events ({@link EventStore#lockDue} answers empty), so that the
     * service claims events with leases: the path it takes when the locked fast path falls back.
     */
    private static EventStore claimingOnly(EventStore store) {
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("lockDue")) {
                        return List.of();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private ProcessDueEventsService worker(PartnerRepository registry, EventStore store) {
        ProcessingObserver countProcessed = new ProcessingObserver() {
            @Override
            public void processed(VitalEvent event, ProcessingOutcome outcome, Duration took) {
                processedTimes.merge(event.id(), 1, Integer::sum);
            }
        };
        return new ProcessDueEventsService(store, registry, transactions, HandlerRegistry.defaults(),
                RetryPolicy.defaults(), LEASE, clock, new SplittableRandom(7), countProcessed);
    }

    /** A registry person known by a UIN, and a birth event that adds a BRN to them. */
    private record Case(RegistryPerson person, Identifier brn, NewVitalEvent birth) {
    }

    private Case newCase() {
        Identifier uin = Identifier.of("UIN", TestEvents.unique("U"));
        Identifier brn = Identifier.of("BRN", TestEvents.unique("B"));
        RegistryPerson person = partners.add(RegistryPerson.newPerson(null, null, List.of(uin)));
        NewVitalEvent birth = TestEvents.birth().withIdentifier("UIN", uin.value())
                .withIdentifier("BRN", brn.value()).build();
        return new Case(person, brn, birth);
    }

    private EventId storeOne(NewVitalEvent item) {
        StoreResult.Stored r = (StoreResult.Stored) events.store(TestEvents.message("crvs.queue", clock.instant()),
                List.of(item));
        return r.events().get(0).eventId();
    }

    @Test
    void givenFourWorkersAndThousandEvents_processDue_appliesEachEventExactlyOnce() throws Exception {
        List<Case> cases = transactions.inTransaction(() -> {
            List<Case> all = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                all.add(newCase());
            }
            return all;
        });
        for (int m = 0; m < 10; m++) {
            List<NewVitalEvent> items = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                NewVitalEvent b = cases.get(m * 100 + i).birth();
                items.add(new NewVitalEvent(i, b.referenceId(), b.type(), b.rawEventType(), b.eventDate(),
                        b.person(), b.rawItem(), b.customAttributes()));
            }
            events.store(TestEvents.message("crvs.queue", clock.instant()), items);
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            ProcessDueEventsService service = worker(partners);
            workers.add(pool.submit(() -> {
                int claimed = 0;
                for (ProcessingReport r = service.processDue(20); r.claimed() > 0; r = service.processDue(20)) {
                    claimed += r.claimed();
                }
                return claimed;
            }));
        }
        int claimed = 0;
        for (Future<Integer> w : workers) {
            claimed += w.get();
        }
        pool.shutdown();

        assertThat(claimed).isEqualTo(1000);
        assertThat(processedTimes).hasSize(1000).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        var stats = events.stats(clock.instant());
        assertThat(stats.countsByState()).containsEntry(EventState.PROCESSED, 1000L)
                .containsEntry(EventState.PROCESSING, 0L).containsEntry(EventState.ERROR, 0L)
                .containsEntry(EventState.RECEIVED, 0L);
        assertThat(events.list(EventFilter.all(), PageRequest.first(1000)).items()).hasSize(1000)
                .allSatisfy(e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.outcome()).isEqualTo(ProcessingOutcome.APPLIED);
                });
        // Every person got exactly its own BRN and exactly one update (read in two queries, not 1000 lookups).
        DSLContext sql = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
        Map<String, Long> brnOwners = sql.select(PERSON_IDENTIFIER.VALUE, PERSON_IDENTIFIER.PERSON_ID)
                .from(PERSON_IDENTIFIER).where(PERSON_IDENTIFIER.TYPE.eq("BRN"))
                .fetchMap(PERSON_IDENTIFIER.VALUE, PERSON_IDENTIFIER.PERSON_ID);
        assertThat(brnOwners).hasSize(1000);
        for (Case c : cases) {
            assertThat(brnOwners.get(c.brn().value())).isEqualTo(c.person().id().value());
        }
        assertThat(sql.select(PERSON.VERSION, DSL.count()).from(PERSON).groupBy(PERSON.VERSION)
                .fetchMap(PERSON.VERSION, DSL.count())).containsExactly(Map.entry(2L, 1000));
        assertThat(sql.fetchCount(PERSON, PERSON.BIRTH_DATE.eq(LocalDate.of(2025, 3, 10)))).isEqualTo(1000);
    }

    @Test
    void givenWorkerDiedHoldingLease_afterLeaseExpiry_eventIsClaimedAgainAndProcessedOnce() {
        Case c = newCase();
        EventId id = storeOne(c.birth());
        VitalEvent claimedByDeadWorker = events.claimDue(10, LEASE, clock.instant()).get(0);
        ProcessDueEventsService survivor = worker(partners);

        assertThat(survivor.processDue(10).claimed()).isZero();
        assertThat(events.requeueExpiredLeases(clock.instant().plus(LEASE).minusSeconds(1))).isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(events.requeueExpiredLeases(clock.instant())).isEqualTo(1);
        ProcessingReport report = survivor.processDue(10);

        assertThat(report).isEqualTo(new ProcessingReport(1, 1, 0));
        VitalEvent e = events.find(id).orElseThrow();
        assertThat(e.state()).isEqualTo(EventState.PROCESSED);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(events.history(id)).extracting(AuditEntry::action)
                .containsExactly("receive", "claim", "lease_expired", "claim", "complete");
        assertThat(partners.find(c.person().id()).orElseThrow().version()).isEqualTo(2);
        assertThatThrownBy(() -> events.complete(claimedByDeadWorker.lease(), ProcessingOutcome.APPLIED, null,
                clock.instant())).isInstanceOf(LeaseLostException.class);
        assertThat(events.stats(clock.instant()).countsByState()).containsEntry(EventState.PROCESSING, 0L);
    }

    @Test
    void givenClaimRolledBack_event_staysReceivedWithoutAttempt() {
        EventId id = storeOne(newCase().birth());

        assertThatThrownBy(() -> transactions.run(() -> {
            assertThat(events.claimDue(10, LEASE, clock.instant())).hasSize(1);
            throw new IllegalStateException("worker crashed inside its unit of work");
        })).isInstanceOf(IllegalStateException.class);

        VitalEvent e = events.find(id).orElseThrow();
        assertThat(e.state()).isEqualTo(EventState.RECEIVED);
        assertThat(e.attempts()).isZero();
        assertThat(worker(partners).processDue(10)).isEqualTo(new ProcessingReport(1, 1, 0));
    }

    @Test
    void givenFailureAfterPersonUpdate_unitOfWork_leavesNeitherPersonNorEventChanged() {
        Case c = newCase();
        EventId id = storeOne(c.birth());
        VitalEvent claimed = events.claimDue(10, LEASE, clock.instant()).get(0);

        assertThatThrownBy(() -> transactions.run(() -> {
            partners.update(c.person().withIdentifier(c.brn()));
            events.complete(claimed.lease(), ProcessingOutcome.APPLIED, c.person().id(), clock.instant());
            throw new IllegalStateException("failure after both writes");
        })).hasMessage("failure after both writes");

        assertThat(partners.find(c.person().id())).contains(c.person());
        VitalEvent e = events.find(id).orElseThrow();
        assertThat(e.state()).isEqualTo(EventState.PROCESSING);
        assertThat(e.outcome()).isNull();
        events.complete(claimed.lease(), ProcessingOutcome.APPLIED, c.person().id(), clock.instant());
        assertThat(events.find(id).orElseThrow().state()).isEqualTo(EventState.PROCESSED);
    }

    @Test
    void givenRegistryFailingAfterUpdate_processDue_rollsBackPersonAndRecordsHandlerFailure() {
        Case c = newCase();
        EventId id = storeOne(c.birth());
        PartnerRepository failingAfterUpdate = registryAfterUpdate(updated -> {
            throw new IllegalStateException("registry hook failed");
        });

        ProcessingReport report = worker(failingAfterUpdate).processDue(10);

        assertThat(report).isEqualTo(new ProcessingReport(1, 0, 1));
        assertThat(partners.find(c.person().id())).contains(c.person());
        assertThat(partners.findByIdentifier(c.brn())).isEmpty();
        VitalEvent e = events.find(id).orElseThrow();
        assertThat(e.state()).isEqualTo(EventState.ERROR);
        assertThat(e.lastError().code()).isEqualTo(ErrorCodes.HANDLER_FAILURE);
        assertThat(e.nextAttemptAt()).isAfter(clock.instant());
    }

    @Test
    void givenLeaseLostWhileApplying_processDue_rollsBackPersonUpdateAndLeavesEventToTheNextClaim() {
        Case c = newCase();
        EventId id = storeOne(c.birth());
        // While the worker applies the event, its lease expires and the event is requeued by another connection.
        PartnerRepository slowRegistry = registryAfterUpdate(updated -> {
            CompletableFuture.runAsync(() -> events.requeueExpiredLeases(clock.instant().plus(LEASE).plusSeconds(1)))
                    .join();
            return updated;
        });

        ProcessingReport report = worker(slowRegistry, claimingOnly(events)).processDue(10);

        assertThat(report).isEqualTo(new ProcessingReport(1, 0, 1));
        assertThat(partners.find(c.person().id())).contains(c.person());
        VitalEvent e = events.find(id).orElseThrow();
        assertThat(e.state()).isEqualTo(EventState.RECEIVED);
        assertThat(e.attempts()).isEqualTo(1);
        clock.set(e.nextAttemptAt());
        assertThat(worker(partners).processDue(10)).isEqualTo(new ProcessingReport(1, 1, 0));
        assertThat(partners.find(c.person().id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void givenLeaseRecoveryRunningWhileALockedEventIsApplied_processDue_appliesItOnce() {
        Case c = newCase();
        EventId id = storeOne(c.birth());
        // The fast path locks the row instead of leasing it: lease recovery in another connection finds nothing.
        AtomicInteger requeued = new AtomicInteger(-1);
        PartnerRepository slowRegistry = registryAfterUpdate(updated -> {
            requeued.set(CompletableFuture.supplyAsync(() -> events.requeueExpiredLeases(
                    clock.instant().plus(LEASE).plusSeconds(1))).join());
            return updated;
        });

        ProcessingReport report = worker(slowRegistry).processDue(10);

        assertThat(report).isEqualTo(new ProcessingReport(1, 1, 0));
        assertThat(requeued).hasValue(0);
        VitalEvent e = events.find(id).orElseThrow();
        assertThat(e.state()).isEqualTo(EventState.PROCESSED);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(partners.findByIdentifier(c.brn())).extracting(RegistryPerson::id).containsExactly(c.person().id());
        assertThat(events.history(id)).extracting(AuditEntry::action).containsExactly("receive", "claim", "complete");
    }

    @Test
    void givenErrorDueForAutomaticRetry_claim_passesThroughReceivedAndAuditsIt() {
        EventId id = storeOne(newCase().birth());
        VitalEvent first = events.claimDue(10, LEASE, clock.instant()).get(0);
        events.fail(first.lease(), new EventError(ErrorCodes.NO_MATCH, "not yet"), clock.instant().plusSeconds(30),
                null, clock.instant());

        clock.advance(Duration.ofSeconds(30));
        List<VitalEvent> again = events.claimDue(10, LEASE, clock.instant());

        assertThat(again).extracting(VitalEvent::id).containsExactly(id);
        assertThat(again.get(0).attempts()).isEqualTo(2);
        assertThat(events.history(id)).filteredOn(a -> a.action().equals("retry")).singleElement()
                .satisfies(a -> {
                    assertThat(a.actor()).isEqualTo("system");
                    assertThat(a.from()).isEqualTo(EventState.ERROR);
                    assertThat(a.to()).isEqualTo(EventState.RECEIVED);
                });
        assertThat(events.find(id).orElseThrow().lastError().code()).isEqualTo(ErrorCodes.NO_MATCH);
    }

    /** The real registry, with {@code after} run on the result of every successful update. */
    private PartnerRepository registryAfterUpdate(UnaryOperator<RegistryPerson> after) {
        return new PartnerRepository() {
            @Override
            public List<RegistryPerson> findByIdentifier(Identifier identifier) {
                return partners.findByIdentifier(identifier);
            }

            @Override
            public Optional<RegistryPerson> find(PersonId id) {
                return partners.find(id);
            }

            @Override
            public RegistryPerson add(RegistryPerson person) {
                return partners.add(person);
            }

            @Override
            public RegistryPerson update(RegistryPerson person) {
                return after.apply(partners.update(person));
            }
        };
    }
}
