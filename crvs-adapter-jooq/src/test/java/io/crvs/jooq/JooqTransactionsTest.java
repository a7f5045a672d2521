package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.port.out.IdentifierConflictException;
import io.crvs.core.port.out.StoreUnavailableException;
import io.crvs.core.testing.TestEvents;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JooqTransactionsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static PostgresDatabase db;
    private static JooqTransactions transactions;
    private static JooqEventStore events;
    private static JooqPartnerRepository partners;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        transactions = new JooqTransactions(db.dataSource());
        events = new JooqEventStore(transactions);
        partners = new JooqPartnerRepository(transactions);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Identifier uin() {
        return Identifier.of("UIN", TestEvents.unique("U"));
    }

    @Test
    void givenWorkThatThrows_inTransaction_rollsBackEveryAdapterAndRethrowsTheSameException() {
        Identifier uin = uin();
        String sender = TestEvents.unique("crvs.tx");
        var message = TestEvents.message(sender, NOW);
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> transactions.run(() -> {
            partners.add(RegistryPerson.newPerson(null, null, List.of(uin)));
            events.store(message, List.of(TestEvents.birth().withIdentifier("UIN", uin.value()).build()));
            throw boom;
        })).isSameAs(boom);

        assertThat(partners.findByIdentifier(uin)).isEmpty();
        assertThat(events.findMessage(sender, message.messageId())).isEmpty();
    }

    @Test
    void givenNestedUnitsOfWork_inTransaction_joinTheOuterOne() {
        Identifier outer = uin();
        Identifier inner = uin();

        assertThatThrownBy(() -> transactions.run(() -> {
            partners.add(RegistryPerson.newPerson(null, null, List.of(outer)));
            transactions.run(() -> {
                assertThat(partners.findByIdentifier(outer)).hasSize(1);
                partners.add(RegistryPerson.newPerson(null, null, List.of(inner)));
            });
            throw new IllegalStateException("after the nested unit of work committed nothing by itself");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(partners.findByIdentifier(outer)).isEmpty();
        assertThat(partners.findByIdentifier(inner)).isEmpty();
    }

    @Test
    void givenOpenUnitOfWork_otherThreads_doNotSeeItsChangesUntilCommit() {
        Identifier uin = uin();

        transactions.run(() -> {
            partners.add(RegistryPerson.newPerson(null, null, List.of(uin)));
            List<RegistryPerson> seenElsewhere = CompletableFuture
                    .supplyAsync(() -> partners.findByIdentifier(uin)).join();
            assertThat(seenElsewhere).isEmpty();
        });

        assertThat(partners.findByIdentifier(uin)).hasSize(1);
    }

    @Test
    void givenIdentifierConflictInsideUnitOfWork_caughtByTheWork_leavesTheRestToCommit() {
        Identifier taken = uin();
        Identifier other = uin();
        Identifier free = uin();
        partners.add(RegistryPerson.newPerson(null, null, List.of(taken)));

        transactions.run(() -> {
            assertThatThrownBy(() -> partners.add(RegistryPerson.newPerson(null, null, List.of(other, taken))))
                    .isInstanceOf(IdentifierConflictException.class);
            partners.add(RegistryPerson.newPerson(null, null, List.of(free)));
        });

        assertThat(partners.findByIdentifier(other)).isEmpty();
        assertThat(partners.findByIdentifier(taken)).hasSize(1);
        assertThat(partners.findByIdentifier(free)).hasSize(1);
    }

    @Test
    void givenWorkReturningValue_inTransaction_commitsAndReturnsIt() {
        String sender = TestEvents.unique("crvs.tx");
        StoreResult r = transactions.inTransaction(() -> events.store(TestEvents.message(sender, NOW),
                List.of(TestEvents.birth().withIdentifier("UIN", TestEvents.unique("U")).build())));

        EventId id = ((StoreResult.Stored) r).events().get(0).eventId();
        assertThat(events.find(id)).isPresent();
    }

    @Test
    void givenUnreachableDatabase_adapterCallsAndUnitsOfWork_throwStoreUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + closedPort + "/nothing");
        config.setUsername("postgres");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(250);
        try (HikariDataSource unreachable = new HikariDataSource(config)) {
            JooqTransactions down = new JooqTransactions(unreachable);

            assertThatThrownBy(() -> new JooqEventStore(down).find(new EventId(1)))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> new JooqPartnerRepository(down).findByIdentifier(uin()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> down.inTransaction(() -> 1)).isInstanceOf(StoreUnavailableException.class);
        }
    }
}
