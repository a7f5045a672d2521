package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.Identifier;
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
    void givenMessageOfManyStatementsWithRepeatedReferences_store_keepsItemOrderAndSequentialOutcome() {
        String sender = TestEvents.unique("crvs.bulk");
        NewVitalEvent earlier = TestEvents.birth().withIdentifier("BRN", TestEvents.unique("B")).build();
        long earlierId = ((StoreResult.Stored) events.store(TestEvents.message(sender, NOW), List.of(earlier)))
                .events().get(0).eventId().value();
        // each item binds its columns and two identifiers: three statements
        int perStatement = MessageIntake.PARAMETERS_PER_STATEMENT / (MessageIntake.EVENT_PARAMETERS + 8);
        int n = 2 * perStatement + 7;
        List<NewVitalEvent> items = new ArrayList<>();
        List<String> uins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String uin = TestEvents.unique("U");
            uins.add(uin);
            TestEvents item = TestEvents.death().withIndex(i).withIdentifier("UIN", uin)
                    .withIdentifier("DRN", "D-" + uin);
            if (i == perStatement + 1) {
                item.withReferenceId(items.get(3).referenceId()); // repeats item 3, in another statement
            } else if (i == n - 1) {
                item.withReferenceId(earlier.referenceId()); // repeats an earlier message's item
            } else if (i == 5) {
                item.withReferenceId(null);
            }
            items.add(item.build());
        }

        StoreResult.Stored stored = (StoreResult.Stored) events.store(TestEvents.message(sender, NOW), items);

        assertThat(stored.events()).hasSize(n);
        List<StoreResult.StoredItem> fresh = stored.events().stream().filter(i -> !i.duplicate()).toList();
        assertThat(fresh).hasSize(n - 2);
        assertThat(fresh).extracting(i -> i.eventId().value()).isSorted().doesNotHaveDuplicates();
        assertThat(stored.events().get(perStatement + 1))
                .isEqualTo(new StoreResult.StoredItem(stored.events().get(3).eventId(), true));
        assertThat(stored.events().get(n - 1).eventId().value()).isEqualTo(earlierId);
        assertThat(stored.events().get(n - 1).duplicate()).isTrue();
        assertThat(events.list(EventFilter.all().withSender(sender), PageRequest.first(10)).total())
                .isEqualTo(n - 1);
        // every stored event keeps its identifiers, found by any of them, and has its receive audit entry
        for (int i : new int[] {0, 5, perStatement, n - 2}) {
            var byDrn = events.list(EventFilter.all().withSender(sender)
                    .withIdentifier(Identifier.of("DRN", "D-" + uins.get(i))),
                    PageRequest.first(10));
            assertThat(byDrn.items()).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(stored.events().get(i).eventId());
                assertThat(e.identifiers()).extracting(Identifier::value)
                        .containsExactly(uins.get(i), "D-" + uins.get(i));
            });
            assertThat(events.history(stored.events().get(i).eventId())).extracting(a -> a.action())
                    .containsExactly("receive");
        }
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
