package io.crvs.bench.jmh;

import io.crvs.bench.load.BenchSenders;
import io.crvs.bench.load.BenchSetup;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.QueueStats;
import io.crvs.core.domain.RetryPolicy;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.port.in.ProcessDueEventsUseCase.ProcessingReport;
import io.crvs.core.port.out.ProcessingObserver;
import io.crvs.core.service.ProcessDueEventsService;
import io.crvs.core.spi.HandlerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Claim and process: worker rounds ({@code ProcessDueEventsService.processDue(32)}: lock 32 due events, match
 * their persons, apply the births, and write the person updates and the events' outcomes together in one unit of
 * work, or claim and process them one by one when they cannot be decided together), on the real PostgreSQL with
 * durable commits, from one thread. Before each iteration {@value #ROUNDS} x 32 birth events
 * are stored for as many seeded persons; an iteration processes exactly those (single shot of
 * {@value #ROUNDS} rounds), so the score is the time for {@value #ROUNDS} x 32 events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, batchSize = ClaimAndProcessBenchmark.ROUNDS)
@Measurement(iterations = 3, batchSize = ClaimAndProcessBenchmark.ROUNDS)
public class ClaimAndProcessBenchmark {

    static final int ROUNDS = 50;
    static final int BATCH = 32;
    /** Events per iteration. */
    public static final int EVENTS_PER_ITERATION = ROUNDS * BATCH;

    private BenchDatabase database;
    private ProcessDueEventsService processing;
    private BenchSenders senders;
    private long nextEvent = 1;
    private int iteration;

    @Setup(Level.Trial)
    public void setUp() {
        database = new BenchDatabase(4);
        senders = new BenchSenders("jmh");
        processing = new ProcessDueEventsService(database.events, database.partners, database.transactions,
                HandlerRegistry.defaults(), RetryPolicy.defaults(), Duration.ofMinutes(2), InstantSource.system(),
                RandomGenerator.getDefault(), ProcessingObserver.NONE);
    }

    @Setup(Level.Iteration)
    public void fillQueue() {
        long first = nextEvent;
        nextEvent += EVENTS_PER_ITERATION;
        BenchSetup.seedPersons(database.db.dataSource(), first, nextEvent - 1);
        List<byte[]> bodies = senders.notifies(SignatureProfile.DCI_CAVAGE_ED25519, EVENTS_PER_ITERATION / 100, 100,
                first);
        iteration++;
        for (int i = 0; i < bodies.size(); i++) {
            String id = "it" + iteration + "-" + i;
            database.events.store(BenchDatabase.message(BenchSenders.CAVAGE_ID, id, bodies.get(i)),
                    Fixtures.events(bodies.get(i)));
        }
    }

    @TearDown(Level.Iteration)
    public void checkDrained() {
        QueueStats stats = database.events.stats(Instant.now());
        long left = stats.countsByState().getOrDefault(EventState.RECEIVED, 0L)
                + stats.countsByState().getOrDefault(EventState.ERROR, 0L);
        if (left != 0) {
            throw new IllegalStateException(left + " events were not processed: " + stats);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public ProcessingReport processRound() {
        return processing.processDue(BATCH);
    }
}
