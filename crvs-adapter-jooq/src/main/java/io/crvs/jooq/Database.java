package io.crvs.jooq;

import javax.sql.DataSource;

/**
 * Persistence adapter bootstrap: a running database the jOOQ adapters can use, with its schema migrated.
 * Build the adapters on {@link #dataSource()} ({@code new JooqTransactions(db.dataSource())}); close it last.
 */
public interface Database extends AutoCloseable {

    /** The connection pool. */
    DataSource dataSource();

    /** Applies pending schema migrations; returns how many ran (0 when up to date). */
    int migrate();

    /** Whether the database is reachable and its schema migrated; never throws. */
    Readiness readiness();

    /** Closes the pool, then stops the embedded server if there is one. Idempotent. */
    @Override
    void close();
}
