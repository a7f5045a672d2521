package io.crvs.bench.load;

import io.crvs.core.domain.Sender;
import io.crvs.jooq.DatabaseConfig;
import io.crvs.jooq.JooqSenderRegistry;
import io.crvs.jooq.JooqTransactions;
import io.crvs.jooq.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Prepares the receiver's database before the server starts, with the product's own adapters (the embedded
 * database is used by one process at a time): registers the benchmark's senders (JWKS on the benchmark's local
 * host) and seeds registry persons {@code 1..n}, person {@code n} carrying UIN {@code BU-n} and no birthdate,
 * so that the birth of person {@code n} applies (sets the birthdate, adds the BRN).
 */
public final class BenchSetup {

    private static final int SEED_CHUNK = 100_000;

    private BenchSetup() {
    }

    /** UIN of seeded person {@code n}. */
    public static String uin(long n) {
        return "BU-" + n;
    }

    /**
     * Opens (creating on first use) the embedded database in {@code dataDir}, migrates it, registers the senders
     * and seeds {@code persons} persons, then closes it.
     */
    public static void prepare(Path dataDir, String jwksBase, long persons) {
        try (PostgresDatabase db = PostgresDatabase.start(DatabaseConfig.embedded(dataDir).withMaxPoolSize(2))) {
            JooqSenderRegistry senders = new JooqSenderRegistry(new JooqTransactions(db.dataSource()));
            for (BenchSenders.SenderSpec s : BenchSenders.specs()) {
                senders.save(Sender.register(s.id(), "Benchmark " + s.id(), jwksBase + s.jwksPath(), s.profile(),
                        s.algorithms()));
            }
            seedPersons(db.dataSource(), 1, persons);
        }
    }

    /** Inserts persons {@code from..to} (inclusive) in chunks, each chunk one statement and one commit. */
    public static void seedPersons(DataSource ds, long from, long to) {
        try (Connection c = ds.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     with p as (
                       insert into person (given_name, surname, deceased, version)
                       select 'Bench', 'P' || g, false, 1 from generate_series(?::bigint, ?::bigint) g
                       returning id, surname)
                     insert into person_identifier (person_id, position, type, value)
                     select id, 0, 'UIN', 'BU-' || substr(surname, 2) from p""")) {
            c.setAutoCommit(true);
            for (long lo = from; lo <= to; lo += SEED_CHUNK) {
                insert.setLong(1, lo);
                insert.setLong(2, Math.min(to, lo + SEED_CHUNK - 1));
                insert.executeUpdate();
            }
            try (var analyze = c.createStatement()) {
                analyze.execute("analyze person; analyze person_identifier");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding persons failed: " + e.getMessage(), e);
        }
    }
}
