package io.crvs.bench.jmh;

import io.crvs.bench.load.BenchSenders;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.port.in.ReceiveNotificationUseCase.ReceiveNotificationCommand;
import io.crvs.core.service.ReceiveNotificationService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Event append: storing one received notify and its events in one unit of work ({@code ReceiveNotificationService}
 * on {@code JooqEventStore}), committed durably, from one thread. One operation is one message; with 100 events
 * per message, multiply by 100 for events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventAppendBenchmark {

    @Param({"1", "100"})
    public int events;

    private BenchDatabase database;
    private ReceiveNotificationService receiver;
    private List<NewVitalEvent> template;
    private byte[] body;
    private final AtomicLong counter = new AtomicLong();
    private String run;

    @Setup
    public void setUp() {
        database = new BenchDatabase(4);
        receiver = new ReceiveNotificationService(database.events, database.transactions);
        body = new BenchSenders("jmh").notifies(SignatureProfile.DCI_CAVAGE_ED25519, 1, events, 1).get(0);
        template = Fixtures.events(body);
        run = Long.toString(System.nanoTime(), 36);
    }

    @TearDown
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public StoreResult append() {
        String id = run + "-" + counter.incrementAndGet();
        StoreResult r = receiver.receive(new ReceiveNotificationCommand(
                BenchDatabase.message(BenchSenders.CAVAGE_ID, id, body), BenchDatabase.renamed(template, id)));
        if (!(r instanceof StoreResult.Stored)) {
            throw new IllegalStateException("not stored: " + r);
        }
        return r;
    }
}
