package io.crvs.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.ReconcileReport;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.RetryPolicy;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.in.ReconcileUseCase.ReconcileCommand;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.ProcessingObserver;
import io.crvs.core.spi.HandlerRegistry;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemoryPartnerRepository;
import io.crvs.core.testing.InMemoryTransactions;
import io.crvs.core.testing.MutableClock;
import io.crvs.core.testing.StubCrvsRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReconcileServiceTest {
    private static final String CRVS = "crvs.gov.example";
    static final Identifier U1 = Identifier.of("UIN", "U-1");
    static final Identifier U2 = Identifier.of("UIN", "U-2");
    static final Identifier U3 = Identifier.of("UIN", "U-3");
    static final Identifier U5 = Identifier.of("UIN", "U-5");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final StubCrvsRegistryClient crvs = new StubCrvsRegistryClient(CRVS);
    private final InMemoryPartnerRepository partners = new InMemoryPartnerRepository();
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryTransactions tx = new InMemoryTransactions(partners, events);
    private final AtomicInteger runs = new AtomicInteger();
    private final ReconcileService service = new ReconcileService(partners, crvs, events, tx, clock,
            () -> "run-" + runs.incrementAndGet());
    private final List<ReconcileReport> progress = new ArrayList<>();

    private RegistryPerson dead;
    private RegistryPerson married;

    private static CrvsPersonRecord crvsRecord(Identifier uin, LocalDate death, CivilStatus status,
                                               LocalDate marriage, LocalDate divorce, Identifier... more) {
        List<Identifier> ids = new ArrayList<>(List.of(more));
        if (uin != null) {
            ids.add(0, uin);
        }
        return new CrvsPersonRecord(ids, PersonName.of("A", "B"), null, LocalDate.of(1950, 1, 1), death, status,
                marriage, divorce, List.of());
    }

    private void seed() {
        dead = partners.add(RegistryPerson.newPerson(PersonName.of("Orin", "P"), LocalDate.of(1941, 7, 1),
                List.of(U1)));
        married = partners.add(new RegistryPerson(null, null, null, false, null, CivilStatus.MARRIED,
                LocalDate.of(2015, 6, 1), List.of(U2), 0));
        partners.add(new RegistryPerson(null, null, null, true, LocalDate.of(2020, 1, 1), CivilStatus.MARRIED,
                LocalDate.of(2010, 1, 1), List.of(U3), 0));
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("BRN", "B-4"))));
        partners.add(RegistryPerson.newPerson(null, null, List.of(U5)));
        // the CRVS omits the UIN in the death record: the event must still carry it
        crvs.holds(U1, crvsRecord(null, LocalDate.of(2025, 3, 12), null, null, null, Identifier.of("DRN", "D-1")));
        crvs.holds(U2, crvsRecord(U2, null, CivilStatus.DIVORCED, LocalDate.of(2015, 6, 1), LocalDate.of(2024, 9, 30)));
        crvs.holds(U3, crvsRecord(U3, LocalDate.of(2020, 1, 1), CivilStatus.MARRIED, LocalDate.of(2010, 1, 1), null));
        crvs.refuses(U5);
    }

    private List<VitalEvent> queued() {
        return events.list(EventFilter.all(), PageRequest.first(100)).items();
    }

    @Test
    void reconcile_queuesTheMissingDeathAndDivorce_inBatches_withProgress() {
        seed();

        ReconcileReport report = service.reconcile(new ReconcileCommand(null, 2, "ada"), progress::add);

        assertThat(report).isEqualTo(new ReconcileReport(CRVS, 4, 3, 2, 0, 1, true, null));
        assertThat(crvs.searches).extracting(List::size).containsExactly(2, 2);
        assertThat(progress).extracting(ReconcileReport::personsChecked).containsExactly(2, 4);
        assertThat(queued()).extracting(VitalEvent::type)
                .containsExactlyInAnyOrder(VitalEventType.DEATH, VitalEventType.DIVORCE);
        assertThat(queued()).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo(EventStore.SOURCE_RECONCILE);
            assertThat(e.senderId()).isEqualTo(CRVS);
            assertThat(e.referenceId()).startsWith("reconcile:").doesNotContain("U-1", "U-2");
        });
        VitalEvent death = queued().stream().filter(e -> e.type() == VitalEventType.DEATH).findFirst().orElseThrow();
        assertThat(death.eventDate()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(death.identifiers()).contains(U1, Identifier.of("DRN", "D-1"));
        ReceivedMessage message = events.findMessage(CRVS, death.messageId()).orElseThrow();
        assertThat(new String(message.rawBody(), StandardCharsets.UTF_8)).startsWith("{\"stub\":");
        assertThat(events.auditTrail()).filteredOn(a -> a.eventId() == null)
                .extracting(a -> a.action() + " by " + a.actor()).containsExactly("reconcile by ada", "reconcile by ada");
    }

    @Test
    void theQueuedEvents_areAppliedByTheNotifyHandlers() {
        seed();
        service.reconcile(new ReconcileCommand(CRVS, 50, "ada"), progress::add);

        new ProcessDueEventsService(events, partners, tx, HandlerRegistry.defaults(),
                new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1), 0),
                Duration.ofSeconds(30), clock, RandomGenerator.of("L64X128MixRandom"), ProcessingObserver.NONE)
                .processDue(10);

        RegistryPerson nowDead = partners.find(dead.id()).orElseThrow();
        assertThat(nowDead.deceased()).isTrue();
        assertThat(nowDead.deathDate()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(nowDead.identifiers()).contains(Identifier.of("DRN", "D-1"));
        RegistryPerson divorced = partners.find(married.id()).orElseThrow();
        assertThat(divorced.civilStatus()).isEqualTo(CivilStatus.DIVORCED);
        assertThat(divorced.civilStatusDate()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(service.reconcile(new ReconcileCommand(CRVS, 50, "ada"), progress::add).eventsQueued()).isZero();
    }

    @Test
    void givenARunBeforeTheEventsWereProcessed_aSecondRun_findsThemAlreadyQueued() {
        seed();
        service.reconcile(new ReconcileCommand(CRVS, 50, "ada"), progress::add);

        ReconcileReport again = service.reconcile(new ReconcileCommand(CRVS, 50, "ada"), progress::add);

        assertThat(again.eventsQueued()).isZero();
        assertThat(again.alreadyQueued()).isEqualTo(2);
        assertThat(queued()).hasSize(2);
    }

    @Test
    void givenTheCrvsDownAfterTheFirstBatch_reconcile_stopsWithTheCountsSoFar() {
        seed();
        AtomicInteger calls = new AtomicInteger();
        crvs.failWith(null);
        progress.clear();

        ReconcileReport report = service.reconcile(new ReconcileCommand(CRVS, 2, "ada"), r -> {
            progress.add(r);
            if (calls.incrementAndGet() == 1) {
                crvs.failWith(() -> new CrvsCallException(CrvsCallException.Failure.UNAVAILABLE, CRVS, "refused"));
            }
        });

        assertThat(report.finished()).isFalse();
        assertThat(report.personsChecked()).isEqualTo(2);
        assertThat(report.failure()).startsWith("unavailable");
        assertThat(progress).last().isEqualTo(report);
        assertThat(events.auditTrail()).last().satisfies(a -> assertThat(a.reason()).contains("stopped"));
    }

    @Test
    void givenNoPersonWithAUin_reconcile_asksNothing() {
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("BRN", "B-1"))));

        ReconcileReport report = service.reconcile(new ReconcileCommand(null, 10, "cli"), progress::add);

        assertThat(report).isEqualTo(new ReconcileReport(CRVS, 0, 0, 0, 0, 0, true, null));
        assertThat(crvs.searches).isEmpty();
    }
}
