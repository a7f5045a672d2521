package io.crvs.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.crvs.core.port.out.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistence adapter bootstrap: PostgreSQL for the receiver. Starts the embedded server when no URL is
 * configured (see {@link DatabaseConfig}), opens a HikariCP pool, and migrates the schema with Flyway (migrations
 * in {@code classpath:db/migration}). Thread-safe.
 */
public final class PostgresDatabase implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
    private static final String MIGRATIONS = "classpath:db/migration";

    private final EmbeddedPostgresServer server;
    private final HikariDataSource pool;
    private final Flyway flyway;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresDatabase(EmbeddedPostgresServer server, HikariDataSource pool, String description) {
        this.server = server;
        this.pool = pool;
        this.flyway = Flyway.configure().dataSource(pool).locations(MIGRATIONS).load();
        this.description = description;
    }

    /**
     * Starts (embedded) or connects to (external) PostgreSQL and migrates the schema.
     *
     * @throws StoreUnavailableException when an external server cannot be reached
     * @throws IllegalStateException     when the embedded server cannot start
     */
    public static PostgresDatabase start(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        EmbeddedPostgresServer server = config.isEmbedded()
                ? EmbeddedPostgresServer.start(config.dataDirectory(), true) : null;
        HikariDataSource pool = null;
        try {
            pool = server == null ? pool(config.url(), config.user(), config.password(), config)
                    : pool(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password(), config);
            PostgresDatabase db = new PostgresDatabase(server, pool, config.describe());
            int ran = db.migrate();
            LOG.info("{}: schema up to date ({} migrations applied now)", db.description, ran);
            return db;
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    private static HikariDataSource pool(String url, String user, String password, DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("crvs-db");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setValidationTimeout(Math.min(2_000, config.connectionTimeout().toMillis()));
        hikari.addDataSourceProperty("ApplicationName", "crvs-receiver");
        hikari.addDataSourceProperty("connectTimeout", "5");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreUnavailableException("cannot connect to " + config.describe(), e);
        }
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public int migrate() {
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            if (SqlFailures.isConnectionFailure(e)) {
                throw new StoreUnavailableException("cannot migrate " + description, e);
            }
            throw e;
        }
    }

    private volatile boolean schemaValidated;

    @Override
    public Readiness readiness() {
        if (closed.get()) {
            return Readiness.notReady("closed");
        }
        try (Connection c = pool.getConnection()) {
            if (!c.isValid(2)) {
                return Readiness.notReady("the database does not answer");
            }
        } catch (SQLException e) {
            return Readiness.notReady("the database cannot be reached");
        }
        if (schemaValidated) {
            return Readiness.ready(description + ", schema up to date");
        }
        try {
            // Validation fails on a pending or unapplied migration and on an applied one that was changed since.
            // Once it passed it is not repeated: only this process migrates, so probes stay cheap and quiet.
            ValidateResult schema = flyway.validateWithResult();
            schemaValidated = schema.validationSuccessful;
            return schema.validationSuccessful ? Readiness.ready(description + ", schema up to date")
                    : Readiness.notReady("the schema does not match the migrations (pending or changed)");
        } catch (FlywayException e) {
            return Readiness.notReady("the schema version cannot be read");
        }
    }

    /** The server's local port when embedded (for operators and tests), else -1. */
    public int embeddedPort() {
        return server == null ? -1 : server.port();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            pool.close();
        } finally {
            if (server != null) {
                server.close();
            }
        }
        LOG.info("{}: closed", description);
    }

    @Override
    public String toString() {
        return "PostgresDatabase[" + description + "]";
    }
}
