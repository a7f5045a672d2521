package io.crvs.jooq;

import io.crvs.core.port.out.StoreUnavailableException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jooq.exception.DataAccessException;

/**
 * Persistence adapter helper: classifies SQL failures. Connection failures become the core's
 * {@link StoreUnavailableException} (answered 503), so callers never see a driver type for "the database is down".
 */
final class SqlFailures {

    /** PostgreSQL states meaning "the server is going away or refuses connections". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** Serialization failure and deadlock: the same unit of work may simply be run again. */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01");

    private SqlFailures() {
    }

    /** The exception to throw for a failed statement: unavailable when the connection failed, else unchanged. */
    static RuntimeException translate(DataAccessException e) {
        if (isConnectionFailure(e)) {
            return new StoreUnavailableException("the database cannot be reached", e);
        }
        return e;
    }

    /** Whether running the whole unit of work again may succeed (deadlock, serialization failure). */
    static boolean isRetryable(DataAccessException e) {
        return RETRYABLE_STATES.contains(sqlState(e));
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(s.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String sqlState(DataAccessException e) {
        SQLException cause = e.getCause(SQLException.class);
        return cause == null ? null : cause.getSQLState();
    }
}
