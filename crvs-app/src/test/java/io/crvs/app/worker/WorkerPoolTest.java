package io.crvs.app.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.RetryPolicy;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.port.in.ProcessDueEventsUseCase;
import io.crvs.core.port.out.ProcessingObserver;
import io.crvs.core.service.ProcessDueEventsService;
import io.crvs.core.spi.HandlerRegistry;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemoryPartnerRepository;
import io.crvs.core.testing.InMemoryTransactions;
import io.crvs.core.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryPartnerRepository partners = new InMemoryPartnerRepository();
    private final InMemoryTransactions tx = new InMemoryTransactions(events, partners);

    private WorkerPool pool(int workers, Duration lease) {
        var processing = new ProcessDueEventsService(events, partners, tx, HandlerRegistry.defaults(),
                RetryPolicy.defaults(), lease, InstantSource.system(), RandomGenerator.getDefault(),
                ProcessingObserver.NONE);
        return new WorkerPool(processing, events, InstantSource.system(), workers, 8, Duration.ofMillis(20),
                Duration.ZERO, Duration.ofMillis(50));
    }

    /** How many rounds one worker runs in {@code d} when every round finds one event (less than a batch of 8). */
    private static int roundsWithOneEventEach(Duration linger, Duration d) throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        ProcessDueEventsUseCase oneEach = max -> {
            rounds.incrementAndGet();
            return new ProcessDueEventsUseCase.ProcessingReport(1, 1, 0);
        };
        WorkerPool pool = new WorkerPool(oneEach, new InMemoryEventStore(), InstantSource.system(), 1, 8,
                Duration.ofSeconds(1), linger, Duration.ofSeconds(1));
        pool.start();
        Thread.sleep(d.toMillis());
        pool.close();
        return rounds.get();
    }

    @Test
    void givenRoundsFindingLessThanABatch_theWorkerLingersBetweenThem() throws Exception {
        assertThat(roundsWithOneEventEach(Duration.ofMillis(100), Duration.ofMillis(500))).isBetween(2, 8);
        assertThat(roundsWithOneEventEach(Duration.ZERO, Duration.ofMillis(500))).isGreaterThan(50);
    }

    private void receiveDeaths(int n) {
        for (int i = 0; i < n; i++) {
            partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-" + i))));
            events.store(TestEvents.message("crvs", Instant.now()),
                    List.of(TestEvents.death().withIdentifier("UIN", "U-" + i).build()));
        }
    }

    private long count(EventState state) {
        return events.list(EventFilter.all().withState(state), PageRequest.first(1)).total();
    }

    private static boolean eventually(java.util.function.BooleanSupplier c) throws InterruptedException {
        for (int i = 0; i < 400 && !c.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        return c.getAsBoolean();
    }

    @Test
    void workers_processEverythingDue_andStopCleanly() throws Exception {
        receiveDeaths(50);
        WorkerPool pool = pool(3, Duration.ofMinutes(1));
        pool.start();
        try {
            assertThat(eventually(() -> count(EventState.PROCESSED) == 50)).isTrue();
        } finally {
            pool.close();
        }
        assertThat(partners.updateCount()).isEqualTo(50);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("crvs-worker-")
                && t.isAlive());
        StoreResult later = events.store(TestEvents.message("crvs", Instant.now()),
                List.of(TestEvents.death().withIdentifier("UIN", "U-0").build()));
        Thread.sleep(200);
        assertThat(later).isInstanceOf(StoreResult.Stored.class);
        assertThat(count(EventState.RECEIVED)).as("a closed pool takes no more work").isEqualTo(1);
    }

    @Test
    void eventHeldByADeadWorker_isRecoveredAfterItsLease() throws Exception {
        receiveDeaths(1);
        events.claimDue(10, Duration.ofMillis(300), Instant.now()); // a worker that claims and dies
        assertThat(count(EventState.PROCESSING)).isEqualTo(1);
        WorkerPool pool = pool(1, Duration.ofMinutes(1));
        pool.start();
        try {
            assertThat(eventually(() -> count(EventState.PROCESSED) == 1)).isTrue();
        } finally {
            pool.close();
        }
        assertThat(events.list(EventFilter.all(), PageRequest.first(1)).items().get(0).attempts()).isEqualTo(2);
    }
}
