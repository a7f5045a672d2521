package io.crvs.jooq;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, shared by every test class; each class gets a database of its own so that
 * queue tests (which claim everything due) never see another class's events. The cluster lives in
 * {@code target/test-postgres} and is reused by later runs (no initdb); databases left by earlier runs are dropped
 * on start. Without fsync, for speed: the durable settings are tested by {@link EmbeddedDatabaseTest}.
 */
final class TestPostgres {

    private static final String PREFIX = "crvs_test_";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgresServer server;

    private TestPostgres() {
    }

    static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            server = EmbeddedPostgresServer.start(targetDirectory().resolve("test-postgres"), false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
            dropLeftoverDatabases();
        }
        return server;
    }

    /** A new, migrated database on the shared server; close it when the test class is done. */
    static PostgresDatabase freshDatabase() {
        String name = PREFIX + RUN + "_" + DATABASES.incrementAndGet();
        execute("create database " + name);
        return PostgresDatabase.start(DatabaseConfig.external(jdbcUrl(name), EmbeddedPostgresServer.USER,
                server().password()).withMaxPoolSize(8));
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server().port() + "/" + database;
    }

    /** The module's {@code target} directory (surefire sets {@code basedir}). */
    static Path targetDirectory() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
    }

    private static void dropLeftoverDatabases() {
        List<String> leftovers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(EmbeddedPostgresServer.DATABASE),
                EmbeddedPostgresServer.USER, server().password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rs.next()) {
                leftovers.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        leftovers.forEach(db -> execute("drop database " + db));
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(EmbeddedPostgresServer.DATABASE),
                EmbeddedPostgresServer.USER, server().password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
