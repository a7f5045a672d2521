package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JooqSenderRegistryTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static PostgresDatabase db;
    private static JooqSenderRegistry senders;
    private static JooqEventStore events;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        JooqTransactions transactions = new JooqTransactions(db.dataSource());
        senders = new JooqSenderRegistry(transactions);
        events = new JooqEventStore(transactions);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Sender newSender() {
        return Sender.register(TestEvents.unique("crvs.sender"), "Civil Registry", "https://crvs.example/jwks.json",
                SignatureProfile.JWS_COMPACT, Set.of("EdDSA", "ES256"));
    }

    private static SenderKeys keys(String kid, Instant at) {
        return new SenderKeys("{\"keys\":[{\"kid\":\"" + kid + "\"}]}", "https://crvs.example/jwks.json", at);
    }

    @Test
    void givenNewSender_save_storesEverythingFindReturnsIt() {
        Sender s = newSender().withKeys(keys("k1", NOW)).withNotes("onboarded by 'ops'; see ticket #12");

        senders.save(s);

        assertThat(senders.find(s.senderId())).contains(s);
    }

    @Test
    void givenSavedSender_saveAgain_replacesItsData() {
        Sender s = senders.save(newSender().withKeys(keys("k1", NOW)));
        Sender changed = new Sender(s.senderId(), "Renamed", "https://other.example/keys", SignatureProfile.NONE,
                Set.of("RS256"), false, null, null, null, "paused");

        senders.save(changed);

        assertThat(senders.find(s.senderId())).contains(changed);
    }

    @Test
    void givenSenders_list_returnsThemOrderedById() {
        Sender b = senders.save(new Sender("zz-list-b", null, null, SignatureProfile.NONE, Set.of(), true, null, null,
                null, null));
        Sender a = senders.save(new Sender("zz-list-a", null, null, SignatureProfile.NONE, Set.of(), true, null, null,
                null, null));

        List<Sender> all = senders.list();

        assertThat(all).extracting(Sender::senderId).isSorted();
        assertThat(all).containsSubsequence(a, b);
    }

    @Test
    void givenSenderWithMessages_delete_removesSenderButKeepsItsMessages() {
        Sender s = senders.save(newSender().withKeys(keys("k1", NOW)));
        var message = TestEvents.message(s.senderId(), NOW);
        events.store(message, List.of());

        assertThat(senders.delete(s.senderId())).isTrue();

        assertThat(senders.find(s.senderId())).isEmpty();
        assertThat(senders.delete(s.senderId())).isFalse();
        assertThat(events.findMessage(s.senderId(), message.messageId())).isPresent();
    }

    @Test
    void givenFetchFailureAfterGoodKeys_recordFetchFailure_keepsLastGoodKeys() {
        Sender s = senders.save(newSender());
        senders.saveKeys(s.senderId(), keys("k1", NOW));

        senders.recordFetchFailure(s.senderId(), NOW.plusSeconds(60), "HTTP 503 from JWKS host");

        Sender found = senders.find(s.senderId()).orElseThrow();
        assertThat(found.keys()).isEqualTo(keys("k1", NOW));
        assertThat(found.lastKeyFetch()).isEqualTo(NOW.plusSeconds(60));
        assertThat(found.lastKeyFetchError()).isEqualTo("HTTP 503 from JWKS host");

        senders.saveKeys(s.senderId(), keys("k2", NOW.plusSeconds(120)));

        assertThat(senders.find(s.senderId())).contains(s.withKeys(keys("k2", NOW.plusSeconds(120))));
    }

    @Test
    void givenFailureBeforeAnyKeys_recordFetchFailure_recordsItWithoutKeys() {
        Sender s = senders.save(newSender());

        senders.recordFetchFailure(s.senderId(), NOW, "timeout");

        assertThat(senders.find(s.senderId())).contains(s.withFetchFailure(NOW, "timeout"));
    }

    @Test
    void givenUnknownSender_keyUpdates_doNothing() {
        String unknown = TestEvents.unique("crvs.unknown");

        senders.saveKeys(unknown, keys("k1", NOW));
        senders.recordFetchFailure(unknown, NOW, "timeout");

        assertThat(senders.find(unknown)).isEmpty();
    }

    @Test
    void givenUnstorableValues_save_rejectsThemCleanlyAndStoresNothing() {
        Sender nul = newSender().withNotes("bad\u0000note");
        Sender longAlgorithm = new Sender(TestEvents.unique("crvs.sender"), null, null, SignatureProfile.NONE,
                Set.of("A".repeat(65)), true, null, null, null, null);

        assertThatThrownBy(() -> senders.save(nul)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> senders.save(longAlgorithm)).isInstanceOf(InvalidInputException.class);

        assertThat(senders.find(nul.senderId())).isEmpty();
        assertThat(senders.find(longAlgorithm.senderId())).isEmpty();
    }

    @Test
    void givenCachingRegistry_everyWriteThroughIt_isSeenByTheNextFind() {
        JooqSenderRegistry cached = new JooqSenderRegistry(new JooqTransactions(db.dataSource()),
                Duration.ofHours(1));
        Sender s = cached.save(newSender());
        assertThat(cached.find(s.senderId())).contains(s);

        Sender inactive = cached.save(s.withActive(false));
        assertThat(cached.find(s.senderId())).contains(inactive);

        cached.saveKeys(s.senderId(), keys("k2", NOW));
        assertThat(cached.find(s.senderId())).contains(inactive.withKeys(keys("k2", NOW)));

        cached.recordFetchFailure(s.senderId(), NOW.plusSeconds(1), "timeout");
        assertThat(cached.find(s.senderId()).orElseThrow().lastKeyFetchError()).isEqualTo("timeout");

        assertThat(cached.delete(s.senderId())).isTrue();
        assertThat(cached.find(s.senderId())).isEmpty();
    }

    @Test
    void givenCachingRegistry_changeByAnotherProcess_isSeenOnlyAfterTheCacheTime_unknownSendersNotCached() {
        JooqSenderRegistry cached = new JooqSenderRegistry(new JooqTransactions(db.dataSource()),
                Duration.ofHours(1));
        Sender s = newSender();
        assertThat(cached.find(s.senderId())).isEmpty();
        senders.save(s); // another instance on the same database
        assertThat(cached.find(s.senderId())).contains(s);

        senders.save(s.withActive(false));

        assertThat(cached.find(s.senderId())).contains(s);
        assertThat(senders.find(s.senderId()).orElseThrow().active()).isFalse();
        assertThat(new JooqSenderRegistry(new JooqTransactions(db.dataSource()), Duration.ZERO).find(s.senderId())
                .orElseThrow().active()).isFalse();
    }
}
