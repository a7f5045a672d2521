package io.crvs.jooq;

import io.crvs.core.port.out.Transactions;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link Transactions} on jOOQ transactions over a pooled {@link DataSource}.
 *
 * <p>A unit of work takes one connection from the pool and binds its transaction to the calling thread; every
 * jOOQ adapter built on this instance runs its statements on that connection while the work runs, so the event's
 * state change and the person update commit together or not at all. Nested calls join the outer unit of work.
 * Outside a unit of work each adapter call is a unit of work of its own.
 *
 * <p>Failures to reach the database surface as {@link io.crvs.core.port.out.StoreUnavailableException}; any other
 * exception thrown by the work rolls it back and propagates unchanged. Thread-safe.
 */
public final class JooqTransactions implements Transactions {

    /** How often an adapter's own unit of work is run again after a deadlock or serialization failure. */
    private static final int MAX_ATTEMPTS = 3;

    static {
        // jOOQ prints a banner and tips on first use unless told not to; the receiver's log is for operators.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final DSLContext root;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    /**
     * @param dataSource the pool to take one connection per unit of work from; not {@code null}
     */
    public JooqTransactions(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.root = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        try {
            return root.transactionResult(configuration -> bound(configuration.dsl(), work));
        } catch (DataAccessException e) {
            throw SqlFailures.translate(e);
        }
    }

    /**
     * Runs an adapter's statements: on the current unit of work's connection when there is one, otherwise in a
     * unit of work of their own (run again, whole, after a deadlock).
     */
    <T> T call(Function<DSLContext, T> work) {
        DSLContext joined = current.get();
        if (joined != null) {
            try {
                return work.apply(joined);
            } catch (DataAccessException e) {
                throw SqlFailures.translate(e);
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return root.transactionResult(configuration -> {
                    DSLContext ctx = configuration.dsl();
                    return bound(ctx, () -> work.apply(ctx));
                });
            } catch (DataAccessException e) {
                if (attempt >= MAX_ATTEMPTS || !SqlFailures.isRetryable(e)) {
                    throw SqlFailures.translate(e);
                }
            }
        }
    }

    /**
     * Like {@link #call}, but inside an outer unit of work the statements run under a savepoint: when the work
     * throws (a business refusal such as an identifier conflict) its changes are undone and the outer unit of work
     * stays usable and unchanged.
     */
    <T> T atomically(Function<DSLContext, T> work) {
        DSLContext joined = current.get();
        if (joined == null) {
            return call(work);
        }
        try {
            return joined.transactionResult(nested -> work.apply(nested.dsl()));
        } catch (DataAccessException e) {
            throw SqlFailures.translate(e);
        }
    }

    private <T> T bound(DSLContext ctx, Supplier<T> work) {
        current.set(ctx);
        try {
            return work.get();
        } finally {
            current.remove();
        }
    }
}
