package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.EventId;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.port.out.StoreUnavailableException;
import io.crvs.core.testing.TestEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The durable embedded database: its own PostgreSQL cluster (not the shared test one), started as the product
 * starts it (fsync on), stopped and started again on the same data directory.
 */
class EmbeddedDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static Path dataDirectory;

    @BeforeAll
    static void directory() {
        dataDirectory = TestPostgres.targetDirectory().resolve("durable-postgres-" + UUID.randomUUID())
                .resolve("postgres");
    }

    @AfterAll
    static void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dataDirectory.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String show(DataSource ds, String setting) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void givenEmbeddedConfig_restartOnSameDirectory_keepsTheDataDurably() throws SQLException {
        String sender = TestEvents.unique("crvs.durable");
        Identifier uin = Identifier.of("UIN", TestEvents.unique("U"));
        EventId stored;
        try (PostgresDatabase db = PostgresDatabase.start(DatabaseConfig.embedded(dataDirectory))) {
            assertThat(show(db.dataSource(), "fsync")).isEqualTo("on");
            assertThat(show(db.dataSource(), "synchronous_commit")).isEqualTo("on");
            assertThat(db.readiness().ready()).isTrue();
            JooqTransactions tx = new JooqTransactions(db.dataSource());
            stored = ((StoreResult.Stored) new JooqEventStore(tx).store(TestEvents.message(sender, NOW),
                    List.of(TestEvents.birth().withIdentifier("UIN", uin.value()).build()))).events().get(0)
                    .eventId();
            new JooqPartnerRepository(tx).add(RegistryPerson.newPerson(null, null, List.of(uin)));
        }

        try (PostgresDatabase again = PostgresDatabase.start(DatabaseConfig.embedded(dataDirectory))) {
            JooqTransactions tx = new JooqTransactions(again.dataSource());
            assertThat(new JooqEventStore(tx).find(stored)).hasValueSatisfying(e ->
                    assertThat(e.senderId()).isEqualTo(sender));
            assertThat(new JooqPartnerRepository(tx).findByIdentifier(uin)).hasSize(1);
            assertThat(again.migrate()).isZero();
            assertThat(again.readiness().ready()).isTrue();
        }
    }

    @Test
    void givenDirectoryInUse_secondStart_isRefused() {
        try (PostgresDatabase db = PostgresDatabase.start(DatabaseConfig.embedded(dataDirectory))) {
            assertThatThrownBy(() -> PostgresDatabase.start(DatabaseConfig.embedded(dataDirectory)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another receiver");
            assertThat(db.readiness().ready()).isTrue();
        }
    }

    @Test
    void givenDatabaseGoesDown_calls_throwStoreUnavailableUntilItIsBack() {
        String sender = TestEvents.unique("crvs.down");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, true);
        int port = server.port();
        try (PostgresDatabase db = PostgresDatabase.start(DatabaseConfig.external(server.jdbcUrl(),
                EmbeddedPostgresServer.USER, server.password()).withConnectionTimeout(Duration.ofMillis(500)))) {
            JooqTransactions tx = new JooqTransactions(db.dataSource());
            JooqEventStore events = new JooqEventStore(tx);
            var message = TestEvents.message(sender, NOW);
            events.store(message, List.of());

            server.close();

            assertThatThrownBy(() -> events.findMessage(sender, message.messageId()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> events.store(TestEvents.message(sender, NOW), List.of()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> events.claimDue(10, Duration.ofSeconds(30), NOW))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> tx.inTransaction(() -> events.findMessage(sender, message.messageId())))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(db.readiness().ready()).isFalse();

            server = EmbeddedPostgresServer.start(dataDirectory, true, port);

            // The pool reconnects on its own; a call may still fail while it does (each attempt waits 500 ms).
            Optional<ReceivedMessage> found = Optional.empty();
            for (int attempt = 0; attempt < 20 && found.isEmpty(); attempt++) {
                try {
                    found = events.findMessage(sender, message.messageId());
                    assertThat(found).as("committed before the server stopped").isPresent();
                } catch (StoreUnavailableException stillReconnecting) {
                    found = Optional.empty();
                }
            }
            assertThat(found).isPresent();
            assertThat(db.readiness().ready()).isTrue();
        } finally {
            server.close();
        }
    }

    @Test
    void givenReceiverKilledWithItsServerRunning_nextStart_stopsTheOrphanAndKeepsTheData() throws Exception {
        String sender = TestEvents.unique("crvs.killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphaningReceiver.class.getName(), dataDirectory.toString(), sender).redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the child receiver started and stored its message").isEqualTo("READY");
            child.destroyForcibly();
            child.waitFor();
        }

        try (PostgresDatabase db = PostgresDatabase.start(DatabaseConfig.embedded(dataDirectory))) {
            assertThat(new JooqEventStore(new JooqTransactions(db.dataSource())).findMessage(sender, "before-kill"))
                    .isPresent();
        }
    }
}
