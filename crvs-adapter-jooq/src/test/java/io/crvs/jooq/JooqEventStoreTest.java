package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.EventId;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.testing.AbstractEventStoreContract;
import io.crvs.core.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core's event-store contract against {@link JooqEventStore} on PostgreSQL, and its row locks. */
class JooqEventStoreTest extends AbstractEventStoreContract {

    private static PostgresDatabase db;
    private static JooqTransactions tx;
    private static JooqEventStore events;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        tx = new JooqTransactions(db.dataSource());
        events = new JooqEventStore(tx);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected EventStore createStore() {
        return events;
    }

    @Test
    void givenEventsLockedInAUnitOfWork_othersCannotClaimOrLockThem_untilItRollsBack() {
        Instant at = Instant.parse("2040-01-01T00:00:00Z").plusSeconds(TestEvents.unique("t").hashCode() & 0xFFFF);
        String mine = TestEvents.unique("crvs.lock");
        StoreResult.Stored stored = (StoreResult.Stored) events.store(TestEvents.message(mine, at),
                List.of(TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build()));
        EventId id = stored.events().get(0).eventId();

        try {
            tx.inTransaction(() -> {
                assertThat(events.lockDue(10_000, at)).extracting(VitalEvent::id).contains(id);
                // another worker, in its own connection and unit of work, while the rows are locked
                List<VitalEvent> claimedMeanwhile = CompletableFuture.supplyAsync(() -> tx.inTransaction(
                        () -> events.claimDue(10_000, Duration.ofSeconds(30), at))).orTimeout(30, TimeUnit.SECONDS).join();
                List<VitalEvent> lockedMeanwhile = CompletableFuture.supplyAsync(() -> tx.inTransaction(
                        () -> events.lockDue(10_000, at))).orTimeout(30, TimeUnit.SECONDS).join();
                assertThat(claimedMeanwhile).extracting(VitalEvent::id).doesNotContain(id);
                assertThat(lockedMeanwhile).extracting(VitalEvent::id).doesNotContain(id);
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("roll back");
        }

        assertThat(events.lockDue(10_000, at)).extracting(VitalEvent::id).contains(id);
        assertThat(events.find(id).orElseThrow().attempts()).isZero();
    }
}
