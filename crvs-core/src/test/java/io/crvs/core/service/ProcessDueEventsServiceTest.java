package io.crvs.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.ErrorCodes;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.RetryPolicy;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.in.ProcessDueEventsUseCase.ProcessingReport;
import io.crvs.core.port.in.ReceiveNotificationUseCase.ReceiveNotificationCommand;
import io.crvs.core.port.out.ProcessingObserver;
import io.crvs.core.spi.DefaultBirthHandler;
import io.crvs.core.spi.DefaultDivorceHandler;
import io.crvs.core.spi.DefaultMarriageHandler;
import io.crvs.core.spi.DefaultPersonMatcher;
import io.crvs.core.spi.DeathHandler;
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
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ProcessDueEventsServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(5),
            Duration.ofHours(1), 0);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryPartnerRepository partners = new InMemoryPartnerRepository();
    private final InMemoryTransactions tx = new InMemoryTransactions(events, partners);
    private final ReceiveNotificationService receive = new ReceiveNotificationService(events, tx);

    private ProcessDueEventsService service(HandlerRegistry handlers) {
        return new ProcessDueEventsService(events, partners, tx, handlers, POLICY, Duration.ofSeconds(30), clock,
                RandomGenerator.of("L64X128MixRandom"), ProcessingObserver.NONE);
    }

    private final ProcessDueEventsService service = service(HandlerRegistry.defaults());

    private List<EventId> receive(NewVitalEvent... items) {
        StoreResult r = receive.receive(new ReceiveNotificationCommand(TestEvents.message("crvs", clock.instant()),
                List.of(items)));
        return ((StoreResult.Stored) r).events().stream().map(StoreResult.StoredItem::eventId).toList();
    }

    private VitalEvent event(EventId id) {
        return events.find(id).orElseThrow();
    }

    private RegistryPerson person(String uin) {
        return partners.findByIdentifier(Identifier.of("UIN", uin)).get(0);
    }

    @Test
    void birth_isAppliedAndRecordedProcessed() {
        RegistryPerson p = partners.add(RegistryPerson.newPerson(PersonName.of("Nova", "T"), null,
                List.of(Identifier.of("UIN", "U-1"))));
        EventId id = receive(TestEvents.birth().withIdentifier("UIN", "U-1").withIdentifier("BRN", "B-1")
                .withDate("2025-03-10").build()).get(0);

        ProcessingReport report = service.processDue(10);

        assertThat(report).isEqualTo(new ProcessingReport(1, 1, 0));
        assertThat(event(id).state()).isEqualTo(EventState.PROCESSED);
        assertThat(event(id).outcome()).isEqualTo(ProcessingOutcome.APPLIED);
        assertThat(event(id).matchedPerson()).isEqualTo(p.id());
        RegistryPerson after = person("U-1");
        assertThat(after.birthDate()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(after.identifiers()).contains(Identifier.of("BRN", "B-1"));
        assertThat(after.version()).isEqualTo(2);
    }

    @Test
    void deathBeforeItsPersonExists_isRetriedAndLandsOnceThePersonArrives() {
        EventId id = receive(TestEvents.death().withIdentifier("UIN", "U-late").withDate("2025-03-12").build())
                .get(0);

        service.processDue(10);
        VitalEvent failed = event(id);
        assertThat(failed.state()).isEqualTo(EventState.ERROR);
        assertThat(failed.lastError().code()).isEqualTo(ErrorCodes.NO_MATCH);
        assertThat(failed.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));

        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-late"))));
        clock.advance(Duration.ofSeconds(5));
        assertThat(service.processDue(10).claimed()).isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(service.processDue(10)).isEqualTo(new ProcessingReport(1, 1, 0));

        assertThat(event(id).state()).isEqualTo(EventState.PROCESSED);
        assertThat(event(id).attempts()).isEqualTo(2);
        assertThat(person("U-late").deceased()).isTrue();
    }

    @Test
    void noMatchBeyondTheWindow_staysInErrorForAnOperator() {
        EventId id = receive(TestEvents.death().withIdentifier("UIN", "U-never").build()).get(0);
        clock.advance(Duration.ofHours(2));

        service.processDue(10);

        assertThat(event(id).state()).isEqualTo(EventState.ERROR);
        assertThat(event(id).nextAttemptAt()).isNull();
    }

    @Test
    void ambiguousMatch_isAnErrorWithoutAutomaticRetry_andNobodyIsChanged() {
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-a"))));
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("BRN", "B-b"))));
        EventId id = receive(TestEvents.death().withIdentifier("UIN", "U-a").withIdentifier("BRN", "B-b").build())
                .get(0);

        service.processDue(10);

        assertThat(event(id).state()).isEqualTo(EventState.ERROR);
        assertThat(event(id).lastError().code()).isEqualTo(ErrorCodes.AMBIGUOUS_MATCH);
        assertThat(event(id).nextAttemptAt()).isNull();
        assertThat(partners.updateCount()).isZero();
    }

    @Test
    void birthdateConflict_isRecordedAgainstTheMatchedPerson() {
        RegistryPerson p = partners.add(RegistryPerson.newPerson(null, LocalDate.of(2025, 1, 1),
                List.of(Identifier.of("UIN", "U-1"))));
        EventId id = receive(TestEvents.birth().withIdentifier("UIN", "U-1").withDate("2025-03-10").build()).get(0);

        service.processDue(10);

        assertThat(event(id).lastError().code()).isEqualTo(ErrorCodes.BIRTHDATE_CONFLICT);
        assertThat(event(id).matchedPerson()).isEqualTo(p.id());
        assertThat(person("U-1").birthDate()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void unsupportedType_isProcessedAsUnsupported() {
        EventId id = receive(TestEvents.of(VitalEventType.FETAL_DEATH).withIdentifier("UIN", "U-1").build()).get(0);

        service.processDue(10);

        assertThat(event(id).state()).isEqualTo(EventState.PROCESSED);
        assertThat(event(id).outcome()).isEqualTo(ProcessingOutcome.UNSUPPORTED);
    }

    @Test
    void marriageOfTwoSpouses_thenOlderDivorce_isSuperseded() {
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-101"))));
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-102"))));
        receive(TestEvents.marriage().withIdentifier("UIN", "U-101").withIdentifier("MRN", "M-9")
                        .withDate("2025-03-08").build(),
                TestEvents.marriage().withIndex(1).withIdentifier("UIN", "U-102").withIdentifier("MRN", "M-9")
                        .withDate("2025-03-08").build());
        service.processDue(10);
        EventId oldDivorce = receive(TestEvents.divorce().withIdentifier("UIN", "U-101")
                .withIdentifier("MRN", "M-1").withDate("2019-06-15").build()).get(0);

        service.processDue(10);

        assertThat(person("U-101").civilStatus()).isEqualTo(CivilStatus.MARRIED);
        assertThat(person("U-102").civilStatus()).isEqualTo(CivilStatus.MARRIED);
        assertThat(person("U-102").identifiers()).contains(Identifier.of("MRN", "M-9"));
        assertThat(event(oldDivorce).outcome()).isEqualTo(ProcessingOutcome.SUPERSEDED);
        assertThat(person("U-101").identifiers()).doesNotContain(Identifier.of("MRN", "M-1"));
    }

    @Test
    void sameDeathDeliveredTwiceWithDifferentReferenceIds_changesThePersonOnce() {
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-1"))));
        EventId first = receive(TestEvents.death().withIdentifier("UIN", "U-1").withIdentifier("DRN", "D-1").build())
                .get(0);
        EventId second = receive(TestEvents.death().withIdentifier("UIN", "U-1").withIdentifier("DRN", "D-1")
                .build()).get(0);

        service.processDue(10);

        assertThat(event(first).outcome()).isEqualTo(ProcessingOutcome.APPLIED);
        assertThat(event(second).outcome()).isEqualTo(ProcessingOutcome.ALREADY_APPLIED);
        assertThat(partners.updateCount()).isEqualTo(1);
    }

    @Test
    void failureAfterThePersonUpdate_rollsBackBoth() {
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-1"))));
        EventId id = receive(TestEvents.death().withIdentifier("UIN", "U-1").build()).get(0);
        // A handler that applies the change, then a matcher-side failure would be too late: simulate a store
        // failure after the person update by a handler whose decision makes update() succeed and complete() fail.
        DeathHandler sabotaging = (event, person) -> {
            // invalidate the lease so that complete() fails after update()
            events.requeueExpiredLeases(clock.instant().plus(Duration.ofHours(1)));
            return HandlerDecision.apply(person.withDeath(LocalDate.of(2025, 1, 1)));
        };
        ProcessDueEventsService s = service(new HandlerRegistry(new DefaultBirthHandler(), sabotaging,
                new DefaultMarriageHandler(), new DefaultDivorceHandler(), new DefaultPersonMatcher()));

        s.processDue(10);

        assertThat(person("U-1").deceased()).isFalse();
        assertThat(person("U-1").version()).isEqualTo(1);
        assertThat(event(id).state()).isEqualTo(EventState.PROCESSING);
        assertThat(event(id).attempts()).isEqualTo(1);
    }

    @Test
    void handlerThatThrows_isRecordedAsHandlerFailureAndRetried() {
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-1"))));
        EventId id = receive(TestEvents.death().withIdentifier("UIN", "U-1").build()).get(0);
        DeathHandler broken = (event, person) -> {
            throw new IllegalStateException("plug-in bug");
        };
        ProcessDueEventsService s = service(new HandlerRegistry(new DefaultBirthHandler(), broken,
                new DefaultMarriageHandler(), new DefaultDivorceHandler(), new DefaultPersonMatcher()));

        assertThat(s.processDue(10)).isEqualTo(new ProcessingReport(1, 0, 1));

        assertThat(event(id).lastError().code()).isEqualTo(ErrorCodes.HANDLER_FAILURE);
        assertThat(event(id).lastError().message()).contains("plug-in bug");
        assertThat(event(id).nextAttemptAt()).isNotNull();
    }

    @Test
    void operatorRetry_afterAmbiguousMatchFixed_processesTheEvent() {
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-a"))));
        RegistryPerson dup = partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("BRN", "B-b"))));
        EventId id = receive(TestEvents.death().withIdentifier("UIN", "U-a").withIdentifier("BRN", "B-b").build())
                .get(0);
        service.processDue(10);
        partners.update(new RegistryPerson(dup.id(), null, null, false, null, null, null, List.of(), dup.version()));

        new RetryEventService(events, tx, clock).retry(id, "alice", "removed the duplicate person");
        service.processDue(10);

        assertThat(event(id).state()).isEqualTo(EventState.PROCESSED);
        assertThat(events.history(id)).anySatisfy(a -> assertThat(a.actor()).isEqualTo("alice"));
    }
}
