package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.testing.TestEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Concurrent deliveries: the unique indexes decide, and no caller sees an exception. */
class EventStoreIdempotencyTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final int DELIVERIES = 10;
    private static PostgresDatabase db;
    private static JooqEventStore events;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        events = new JooqEventStore(new JooqTransactions(db.dataSource()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Runs {@code DELIVERIES} stores at once (all released by one barrier) and returns their results. */
    private static List<StoreResult> concurrently(IntFunction<StoreResult> delivery) throws Exception {
        CyclicBarrier start = new CyclicBarrier(DELIVERIES);
        ExecutorService pool = Executors.newFixedThreadPool(DELIVERIES);
        try {
            List<Future<StoreResult>> futures = new ArrayList<>();
            for (int i = 0; i < DELIVERIES; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return delivery.apply(n);
                }));
            }
            List<StoreResult> results = new ArrayList<>();
            for (Future<StoreResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenTenConcurrentDeliveriesOfOneMessage_store_storesOnceAndReportsNineDuplicates() throws Exception {
        String sender = TestEvents.unique("crvs.race");
        String messageId = "msg-" + UUID.randomUUID();
        NewVitalEvent item = TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build();

        List<StoreResult> results = concurrently(n -> events.store(new ReceivedMessage(sender, messageId, "notify",
                null, "corr-" + n, SignatureProfile.NONE, new byte[] {1, 2, 3}, NOW), List.of(item)));

        List<StoreResult> stored = results.stream().filter(r -> r instanceof StoreResult.Stored).toList();
        assertThat(stored).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof StoreResult.DuplicateMessage).hasSize(DELIVERIES - 1)
                .allSatisfy(r -> assertThat(r.correlationId()).isEqualTo(stored.get(0).correlationId()));
        assertThat(events.list(EventFilter.all().withSender(sender), PageRequest.first(100)).total()).isEqualTo(1);
    }

    @Test
    void givenTenConcurrentMessagesWithOneReferenceId_store_storesOneEventAndReportsNineDuplicateItems()
            throws Exception {
        String sender = TestEvents.unique("crvs.race");
        NewVitalEvent item = TestEvents.death().withIdentifier("UIN", TestEvents.unique("U")).build();

        List<StoreResult> results = concurrently(n -> events.store(TestEvents.message(sender, NOW), List.of(item)));

        List<StoreResult.StoredItem> items = results.stream()
                .map(r -> ((StoreResult.Stored) r).events().get(0)).toList();
        assertThat(items).filteredOn(i -> !i.duplicate()).hasSize(1);
        assertThat(items).filteredOn(StoreResult.StoredItem::duplicate).hasSize(DELIVERIES - 1);
        assertThat(items).extracting(StoreResult.StoredItem::eventId).containsOnly(items.get(0).eventId());
        assertThat(events.list(EventFilter.all().withSender(sender), PageRequest.first(100)).total()).isEqualTo(1);
    }

    @Test
    void givenBinaryBody_store_keepsEveryByteAsReceived() {
        String sender = TestEvents.unique("crvs.bytes");
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        ReceivedMessage m = new ReceivedMessage(sender, "m-1", "notify", null, "corr", SignatureProfile.NONE, body,
                NOW);

        events.store(m, List.of());

        assertThat(events.findMessage(sender, "m-1")).hasValueSatisfying(found -> {
            assertThat(found.rawBody()).isEqualTo(body);
            assertThat(found).isEqualTo(m);
        });
    }
}
