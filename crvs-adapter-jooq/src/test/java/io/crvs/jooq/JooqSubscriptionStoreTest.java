package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.Subscription;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.out.SubscriptionStore;
import io.crvs.core.testing.AbstractSubscriptionStoreContract;
import io.crvs.core.testing.TestEvents;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core's subscription-store contract against {@link JooqSubscriptionStore} on PostgreSQL, plus its own rules. */
class JooqSubscriptionStoreTest extends AbstractSubscriptionStoreContract {

    private static PostgresDatabase db;
    private static JooqTransactions transactions;
    private static JooqSubscriptionStore subscriptions;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        transactions = new JooqTransactions(db.dataSource());
        subscriptions = new JooqSubscriptionStore(transactions);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected SubscriptionStore createStore() {
        return subscriptions;
    }

    @Test
    void givenATakenCodeInsideAUnitOfWork_save_isRefusedAndTheUnitOfWorkGoesOn() {
        String crvs = TestEvents.unique("crvs");
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        subscriptions.save(Subscription.pending(TestEvents.unique("s"), crvs, VitalEventType.BIRTH, null, "t1", "a", t)
                .confirmed("DUP", t));
        Subscription other = Subscription.pending(TestEvents.unique("s"), crvs, VitalEventType.DEATH, null, "t2", "a",
                t);

        Subscription saved = transactions.inTransaction(() -> {
            assertThatThrownBy(() -> subscriptions.save(other.confirmed("DUP", t)))
                    .isInstanceOf(InvalidInputException.class);
            return subscriptions.save(other);
        });

        assertThat(subscriptions.find(other.id())).contains(saved);
    }

    /**
     * The acknowledgement of a subscribe reads the subscription, then the CRVS's on-subscribe callback confirms it
     * before the acknowledgement is written: the confirmation must not be lost (the second reader waits).
     */
    @Test
    void concurrentReadModifyWrite_loosesNoChange() throws Exception {
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        Subscription pending = subscriptions.save(Subscription.pending(TestEvents.unique("s"), TestEvents.unique(
                "crvs"), VitalEventType.DEATH, null, "t1", "a", t));
        java.util.concurrent.CountDownLatch ackRead = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch callbackDone = new java.util.concurrent.CountDownLatch(1);
        Thread callback = new Thread(() -> {
            try {
                ackRead.await();
                transactions.run(() -> subscriptions.save(subscriptions.find(pending.id()).orElseThrow()
                        .confirmed("CODE-1", t.plusSeconds(1))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                callbackDone.countDown();
            }
        });
        callback.start();
        transactions.run(() -> {
            Subscription read = subscriptions.find(pending.id()).orElseThrow();
            ackRead.countDown();
            try {
                // without the row lock the callback commits here; with it, it waits for this unit of work
                callbackDone.await(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            subscriptions.save(read.acknowledged("corr-1", t.plusSeconds(2)));
        });
        callback.join(30_000);

        Subscription end = subscriptions.find(pending.id()).orElseThrow();
        assertThat(end.status()).isEqualTo(io.crvs.core.domain.SubscriptionStatus.ACTIVE);
        assertThat(end.code()).isEqualTo("CODE-1");
    }

    @Test
    void aNulCharacter_isRefusedOnWriteAndMatchesNothingOnRead() {
        Subscription s = Subscription.pending(TestEvents.unique("s"), TestEvents.unique("crvs"), VitalEventType.BIRTH,
                null, "t", "a\u0000b", Instant.parse("2026-02-01T10:00:00Z"));

        assertThatThrownBy(() -> subscriptions.save(s)).isInstanceOf(InvalidInputException.class);
        assertThat(subscriptions.find("x\u0000")).isEmpty();
        assertThat(subscriptions.findByCode("c", "\u0000")).isEmpty();
    }
}
