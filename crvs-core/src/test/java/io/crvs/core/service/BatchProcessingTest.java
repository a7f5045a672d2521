package io.crvs.core.service;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.in.ProcessDueEventsUseCase.ProcessingReport;
import io.crvs.core.port.in.ReceiveNotificationUseCase.ReceiveNotificationCommand;
import io.crvs.core.port.out.PartnerRepository;
import io.crvs.core.port.out.ProcessingObserver;
import io.crvs.core.spi.DeathHandler;
import io.crvs.core.spi.DefaultBirthHandler;
import io.crvs.core.spi.DefaultDeathHandler;
import io.crvs.core.spi.DefaultDivorceHandler;
import io.crvs.core.spi.DefaultMarriageHandler;
import io.crvs.core.spi.DefaultPersonMatcher;
import io.crvs.core.spi.HandlerDecision;
import io.crvs.core.spi.HandlerRegistry;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemoryPartnerRepository;
import io.crvs.core.testing.InMemoryTransactions;
import io.crvs.core.testing.MutableClock;
import io.crvs.core.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batches of several events take the fast path (one registry read, writes together) and end exactly as if each
 * event had been processed alone; whatever the fast path cannot answer falls back to one event at a time.
 */
class BatchProcessingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(5),
            Duration.ofHours(1), 0);

    /** One registry and queue, with the registry behind a counting view. */
    private static final class World {
        final MutableClock clock = new MutableClock(T0);
        final InMemoryEventStore events;
        final InMemoryPartnerRepository store = new InMemoryPartnerRepository();
        final CountingPartners partners = new CountingPartners(store);
        final InMemoryTransactions tx;
        final ReceiveNotificationService receive;
        final List<String> observed = new ArrayList<>();
        final ProcessingObserver observer;

        /** @param locking whether the store locks due events (the fast path without claims) or only claims */
        World(boolean locking) {
            events = locking ? InMemoryEventStore.withLocking() : new InMemoryEventStore();
            tx = new InMemoryTransactions(events, store);
            receive = new ReceiveNotificationService(events, tx);
            observer = new ProcessingObserver() {
                @Override
                public void processed(VitalEvent event, ProcessingOutcome outcome, Duration took) {
                    observed.add(event.id().value() + " " + outcome.code());
                }

                @Override
                public void failed(VitalEvent event, EventError error, boolean willRetry, Duration took) {
                    observed.add(event.id().value() + " " + error.code() + (willRetry ? " retry" : ""));
                }
            };
        }

        ProcessDueEventsService service(HandlerRegistry handlers) {
            return new ProcessDueEventsService(events, partners, tx, handlers, POLICY, Duration.ofSeconds(30), clock,
                    RandomGenerator.of("L64X128MixRandom"), observer);
        }

        RegistryPerson person(String uin) {
            return store.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", uin))));
        }

        List<EventId> receive(NewVitalEvent... items) {
            StoreResult r = receive.receive(new ReceiveNotificationCommand(TestEvents.message("crvs",
                    clock.instant()), List.of(items)));
            return ((StoreResult.Stored) r).events().stream().map(StoreResult.StoredItem::eventId).toList();
        }

        VitalEvent event(EventId id) {
            return events.find(id).orElseThrow();
        }
    }

    /** Forwards to the registry and counts the kinds of lookups. */
    private static final class CountingPartners implements PartnerRepository {
        final PartnerRepository delegate;
        final AtomicInteger single = new AtomicInteger();
        final AtomicInteger together = new AtomicInteger();
        /** Batches that reached the write of their updates (the fast path got that far). */
        final AtomicInteger batchWrites = new AtomicInteger();

        CountingPartners(PartnerRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<RegistryPerson> findByIdentifier(Identifier identifier) {
            single.incrementAndGet();
            return delegate.findByIdentifier(identifier);
        }

        @Override
        public Map<Identifier, List<RegistryPerson>> findByIdentifiers(List<Identifier> identifiers) {
            together.incrementAndGet();
            Map<Identifier, List<RegistryPerson>> found = new java.util.LinkedHashMap<>();
            identifiers.forEach(i -> found.put(i, delegate.findByIdentifier(i)));
            return found;
        }

        @Override
        public Optional<RegistryPerson> find(PersonId id) {
            return delegate.find(id);
        }

        @Override
        public List<RegistryPerson> updateAll(List<RegistryPerson> persons) {
            batchWrites.incrementAndGet();
            return PartnerRepository.super.updateAll(persons);
        }

        @Override
        public RegistryPerson add(RegistryPerson person) {
            return delegate.add(person);
        }

        @Override
        public RegistryPerson update(RegistryPerson person) {
            return delegate.update(person);
        }
    }

    private static NewVitalEvent birth(String uin, String brn, int index) {
        return TestEvents.birth().withIndex(index).withIdentifier("UIN", uin).withIdentifier("BRN", brn)
                .withDate("2025-03-10").build();
    }

    @ParameterizedTest(name = "locking store: {0}")
    @ValueSource(booleans = {true, false})
    void givenBirthsOfDistinctPersons_oneRound_readsTheRegistryOnceAndAppliesEach(boolean locking) {
        World w = new World(locking);
        List<RegistryPerson> persons = new ArrayList<>();
        List<NewVitalEvent> births = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            persons.add(w.person("U-" + i));
            births.add(birth("U-" + i, "B-" + i, i));
        }
        List<EventId> ids = w.receive(births.toArray(NewVitalEvent[]::new));

        ProcessingReport report = w.service(HandlerRegistry.defaults()).processDue(10);

        assertThat(report).isEqualTo(new ProcessingReport(5, 5, 0));
        assertThat(w.partners.together.get()).isEqualTo(1);
        assertThat(w.partners.single.get()).isZero();
        for (int i = 0; i < 5; i++) {
            VitalEvent e = w.event(ids.get(i));
            assertThat(e.state()).isEqualTo(EventState.PROCESSED);
            assertThat(e.outcome()).isEqualTo(ProcessingOutcome.APPLIED);
            assertThat(e.matchedPerson()).isEqualTo(persons.get(i).id());
            RegistryPerson after = w.store.find(persons.get(i).id()).orElseThrow();
            assertThat(after.version()).isEqualTo(2);
            assertThat(after.birthDate()).isEqualTo(LocalDate.of(2025, 3, 10));
            assertThat(after.identifiers()).contains(Identifier.of("BRN", "B-" + i));
        }
        assertThat(w.observed).containsExactly(ids.get(0).value() + " applied", ids.get(1).value() + " applied",
                ids.get(2).value() + " applied", ids.get(3).value() + " applied", ids.get(4).value() + " applied");
    }

    @ParameterizedTest(name = "locking store: {0}")
    @ValueSource(booleans = {true, false})
    void givenBirthThenDeathOfOnePersonAndADuplicateDeath_inOneBatch_eachSeesTheOneBefore(boolean locking) {
        World w = new World(locking);
        RegistryPerson p = w.person("U-1");
        List<EventId> ids = w.receive(birth("U-1", "B-1", 0),
                TestEvents.death().withIndex(1).withIdentifier("BRN", "B-1").withIdentifier("DRN", "D-1")
                        .withDate("2025-04-01").build(),
                TestEvents.death().withIndex(2).withIdentifier("DRN", "D-1").withDate("2025-04-01").build());

        assertThat(w.service(HandlerRegistry.defaults()).processDue(10)).isEqualTo(new ProcessingReport(3, 3, 0));

        assertThat(w.partners.together.get()).isEqualTo(1);
        assertThat(w.event(ids.get(0)).outcome()).isEqualTo(ProcessingOutcome.APPLIED);
        assertThat(w.event(ids.get(1)).outcome()).isEqualTo(ProcessingOutcome.APPLIED); // found by the new BRN
        assertThat(w.event(ids.get(2)).outcome()).isEqualTo(ProcessingOutcome.ALREADY_APPLIED); // by the new DRN
        RegistryPerson after = w.store.find(p.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(3);
        assertThat(after.deceased()).isTrue();
        assertThat(after.identifiers()).containsExactly(Identifier.of("UIN", "U-1"), Identifier.of("BRN", "B-1"),
                Identifier.of("DRN", "D-1"));
        assertThat(w.store.updateCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "locking store: {0}")
    @ValueSource(booleans = {true, false})
    void givenNoMatchAmbiguousRejectedAndUnsupportedBesideAnApplied_oneRound_recordsEachAsAlone(boolean locking) {
        World w = new World(locking);
        RegistryPerson a = w.person("U-a");
        w.person("U-b");
        RegistryPerson dated = w.store.add(RegistryPerson.newPerson(null, LocalDate.of(2020, 1, 1),
                List.of(Identifier.of("UIN", "U-c"))));
        List<EventId> ids = w.receive(
                TestEvents.death().withIdentifier("UIN", "U-nobody").build(),
                TestEvents.death().withIndex(1).withIdentifier("UIN", "U-a").withIdentifier("UIN", "U-b").build(),
                birth("U-c", "B-c", 2),
                TestEvents.of(VitalEventType.ADOPTION).withIndex(3).withIdentifier("UIN", "U-a").build(),
                TestEvents.death().withIndex(4).withIdentifier("UIN", "U-a").withDate("2025-02-02").build());

        assertThat(w.service(HandlerRegistry.defaults()).processDue(10)).isEqualTo(new ProcessingReport(5, 2, 3));

        assertThat(w.partners.together.get()).isEqualTo(1);
        assertThat(w.event(ids.get(0)).lastError().code()).isEqualTo(ErrorCodes.NO_MATCH);
        assertThat(w.event(ids.get(0)).nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(w.event(ids.get(1)).lastError().code()).isEqualTo(ErrorCodes.AMBIGUOUS_MATCH);
        assertThat(w.event(ids.get(1)).nextAttemptAt()).isNull();
        assertThat(w.event(ids.get(2)).lastError().code()).isEqualTo(ErrorCodes.BIRTHDATE_CONFLICT);
        assertThat(w.event(ids.get(2)).matchedPerson()).isEqualTo(dated.id());
        assertThat(w.event(ids.get(3)).outcome()).isEqualTo(ProcessingOutcome.UNSUPPORTED);
        assertThat(w.event(ids.get(4)).outcome()).isEqualTo(ProcessingOutcome.APPLIED);
        assertThat(w.store.find(a.id()).orElseThrow().deceased()).isTrue();
        assertThat(w.observed).containsExactly(ids.get(0).value() + " no_match retry",
                ids.get(1).value() + " ambiguous_match", ids.get(2).value() + " birthdate_conflict",
                ids.get(3).value() + " unsupported", ids.get(4).value() + " applied");
    }

    @ParameterizedTest(name = "locking store: {0}")
    @ValueSource(booleans = {true, false})
    void givenHandlerTakingAnotherPersonsIdentifier_theBatchFallsBack_andOnlyThatEventFails(boolean locking) {
        World w = new World(locking);
        RegistryPerson p1 = w.person("U-1");
        RegistryPerson p2 = w.person("U-2");
        RegistryPerson p3 = w.person("U-3");
        DeathHandler grabbing = (event, person) -> HandlerDecision.apply(person.withDeath(LocalDate.of(2025, 1, 1))
                .withIdentifier(Identifier.of("UIN", person.id().equals(p1.id()) ? "U-2" : "U-9-" + person.id())));
        HandlerRegistry handlers = new HandlerRegistry(new DefaultBirthHandler(), grabbing,
                new DefaultMarriageHandler(), new DefaultDivorceHandler(), new DefaultPersonMatcher());
        List<EventId> ids = w.receive(TestEvents.death().withIdentifier("UIN", "U-1").build(),
                TestEvents.death().withIndex(1).withIdentifier("UIN", "U-3").build(),
                birth("U-2", "B-2", 2));

        assertThat(w.service(handlers).processDue(10)).isEqualTo(new ProcessingReport(3, 2, 1));

        assertThat(w.partners.together.get()).isGreaterThan(1); // one by one after the fast path gave up
        assertThat(w.event(ids.get(0)).lastError().code()).isEqualTo(ErrorCodes.IDENTIFIER_CONFLICT);
        assertThat(w.store.find(p1.id()).orElseThrow().deceased()).isFalse();
        assertThat(w.event(ids.get(1)).outcome()).isEqualTo(ProcessingOutcome.APPLIED);
        assertThat(w.store.find(p3.id()).orElseThrow().deceased()).isTrue();
        assertThat(w.event(ids.get(2)).outcome()).isEqualTo(ProcessingOutcome.APPLIED);
        assertThat(w.store.find(p2.id()).orElseThrow().version()).isEqualTo(2);
    }

    @ParameterizedTest(name = "locking store: {0}")
    @ValueSource(booleans = {true, false})
    void givenHandlerThatThrowsInABatch_onlyItsEventFails(boolean locking) {
        World w = new World(locking);
        RegistryPerson p1 = w.person("U-1");
        w.person("U-2");
        DeathHandler broken = (event, person) -> {
            throw new IllegalStateException("plug-in bug");
        };
        HandlerRegistry handlers = new HandlerRegistry(new DefaultBirthHandler(), broken,
                new DefaultMarriageHandler(), new DefaultDivorceHandler(), new DefaultPersonMatcher());
        List<EventId> ids = w.receive(birth("U-1", "B-1", 0),
                TestEvents.death().withIndex(1).withIdentifier("UIN", "U-2").build());

        assertThat(w.service(handlers).processDue(10)).isEqualTo(new ProcessingReport(2, 1, 1));

        assertThat(w.event(ids.get(0)).outcome()).isEqualTo(ProcessingOutcome.APPLIED);
        assertThat(w.store.find(p1.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(w.event(ids.get(1)).lastError().code()).isEqualTo(ErrorCodes.HANDLER_FAILURE);
        assertThat(w.store.updateCount()).isEqualTo(1);
    }

    /**
     * Random mixes of events over a small registry (unknown, shared and ambiguous identifiers, the same person
     * several times), processed in rounds of 16 with a store that locks, in rounds of 16 with one that only claims,
     * and one at a time with one that only claims, from identical starts: they end identically, audit trails
     * included.
     */
    @Test
    void givenRandomMixes_roundsOfSixteen_endAsOneAtATime() {
        int fastBatches = 0;
        for (int seed = 1; seed <= 40; seed++) {
            World locked = world(seed, true);
            World claimed = world(seed, false);
            World single = world(seed, false);
            HandlerRegistry handlers = new HandlerRegistry(new DefaultBirthHandler(), new DefaultDeathHandler(),
                    new DefaultMarriageHandler(), new DefaultDivorceHandler(), new DefaultPersonMatcher());
            drain(locked.service(handlers), 16);
            drain(claimed.service(handlers), 16);
            drain(single.service(handlers), 1);

            assertThat(describe(locked)).as("seed " + seed + ", locked").isEqualTo(describe(single));
            assertThat(describe(claimed)).as("seed " + seed + ", claimed").isEqualTo(describe(single));
            fastBatches += locked.partners.batchWrites.get() + claimed.partners.batchWrites.get();
        }
        assertThat(fastBatches).as("rounds that took a fast path").isGreaterThan(80);
    }

    private static void drain(ProcessDueEventsService service, int max) {
        for (int i = 0; i < 1000 && service.processDue(max).claimed() > 0; i++) {
            // until nothing is due
        }
    }

    private static World world(int seed, boolean locking) {
        Random r = new Random(seed);
        World w = new World(locking);
        int persons = 6;
        for (int p = 0; p < persons; p++) {
            List<Identifier> ids = new ArrayList<>(List.of(Identifier.of("UIN", "U-" + p)));
            if (r.nextInt(3) == 0) {
                ids.add(Identifier.of("BRN", "B-" + p));
            }
            w.store.add(RegistryPerson.newPerson(null, r.nextBoolean() ? LocalDate.of(2000 + p, 1, 1) : null, ids));
        }
        List<NewVitalEvent> items = new ArrayList<>();
        int n = 10 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            VitalEventType type = List.of(VitalEventType.BIRTH, VitalEventType.DEATH, VitalEventType.MARRIAGE,
                    VitalEventType.DIVORCE, VitalEventType.ADOPTION).get(r.nextInt(5));
            TestEvents e = TestEvents.of(type).withIndex(i % 7).withDate("2025-0" + (1 + r.nextInt(9)) + "-1"
                    + r.nextInt(10));
            int idCount = 1 + r.nextInt(2);
            for (int k = 0; k < idCount; k++) {
                int who = r.nextInt(persons + 2); // sometimes nobody
                switch (r.nextInt(4)) {
                    case 0 -> e.withIdentifier("BRN", "B-" + who);
                    case 1 -> e.withIdentifier("DRN", "D-" + who);
                    case 2 -> e.withIdentifier("MRN", "M-" + r.nextInt(3));
                    default -> e.withIdentifier("UIN", "U-" + who);
                }
            }
            items.add(e.build());
        }
        for (int from = 0; from < items.size(); from += 7) {
            w.receive(items.subList(from, Math.min(items.size(), from + 7)).toArray(NewVitalEvent[]::new));
        }
        return w;
    }

    /** Every event's end state and every person, as text. */
    private static List<String> describe(World w) {
        List<String> out = new ArrayList<>();
        for (VitalEvent e : w.events.list(EventFilter.all(), PageRequest.first(1000)).items()) {
            out.add(e.id().value() + " " + e.state() + " " + e.outcome() + " " + e.attempts() + " "
                    + (e.lastError() == null ? "-" : e.lastError().code() + ": " + e.lastError().message()) + " "
                    + e.matchedPerson() + " " + e.nextAttemptAt() + " " + e.leaseUntil() + " " + e.updatedAt());
            w.events.history(e.id()).forEach(a -> out.add("  " + a));
        }
        for (long id = 1; ; id++) {
            Optional<RegistryPerson> p = w.store.find(new PersonId(id));
            if (p.isEmpty()) {
                break;
            }
            RegistryPerson q = p.get();
            out.add(q.id() + " " + q.birthDate() + " " + q.deceased() + " " + q.deathDate() + " " + q.civilStatus()
                    + " " + q.civilStatusDate() + " " + q.version() + " " + q.identifiers().stream()
                    .map(i -> i.type().code() + "=" + i.value()).toList());
        }
        out.add("updates " + w.store.updateCount());
        out.addAll(w.observed);
        return out;
    }
}
