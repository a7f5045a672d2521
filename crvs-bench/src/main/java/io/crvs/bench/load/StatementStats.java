package io.crvs.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Optional diagnosis ({@code --pg-stat-statements}): loads PostgreSQL's {@code pg_stat_statements} into the
 * embedded server (through {@code postgresql.auto.conf} of the prepared data directory, before the receiver starts
 * it) and writes, per scenario, the statements that took the most database time.
 */
public final class StatementStats implements AutoCloseable {

    private final Connection connection;

    private StatementStats(Connection connection) {
        this.connection = connection;
    }

    /** Makes the next start of the server in {@code dataDir} load the extension. */
    public static void enable(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("postgresql.auto.conf"), "\n# benchmark diagnosis\n"
                    + "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = 'all'\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StatementStats connect(String url) {
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
            }
            return new StatementStats(c);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements is not available: " + e.getMessage(), e);
        }
    }

    public void reset() {
        try (Statement s = connection.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
            s.execute("select pg_stat_reset_shared('wal')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the top statements by total time since the last reset to {@code file}. */
    public void write(Path file, long events) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%10s %10s %10s %10s %8s  %s%n", "total ms", "calls", "mean ms", "rows", "us/event", "query"));
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("""
                select total_exec_time, calls, mean_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
                from pg_stat_statements where query not like '%pg_stat_statements%'
                order by total_exec_time desc limit 25""")) {
            while (r.next()) {
                String q = r.getString(5);
                out.append(String.format(Locale.ROOT, "%10.0f %10d %10.3f %10d %8.1f  %s%n", r.getDouble(1),
                        r.getLong(2), r.getDouble(3), r.getLong(4), events == 0 ? 0 : 1000 * r.getDouble(1) / events,
                        q.length() > 300 ? q.substring(0, 300) + "…" : q));
            }
            try (ResultSet w = s.executeQuery("select wal_records, wal_fpi, wal_bytes, wal_write, wal_sync"
                    + " from pg_stat_wal")) {
                if (w.next()) {
                    out.append(String.format(Locale.ROOT, "%nWAL: %d records, %d full-page images, %.1f MiB, %d writes,"
                                    + " %d syncs; per event: %.1f records, %.2f FPI, %.0f bytes%n", w.getLong(1),
                            w.getLong(2), w.getLong(3) / 1048576.0, w.getLong(4), w.getLong(5),
                            events == 0 ? 0 : w.getLong(1) / (double) events,
                            events == 0 ? 0 : w.getLong(2) / (double) events,
                            events == 0 ? 0 : w.getLong(3) / (double) events));
                }
            }
            try (ResultSet b = s.executeQuery("select num_timed, num_requested from pg_stat_checkpointer")) {
                if (b.next()) {
                    out.append("checkpoints since start: ").append(b.getLong(1)).append(" timed, ")
                            .append(b.getLong(2)).append(" requested\n");
                }
            } catch (SQLException e) {
                out.append("checkpoints: ").append(e.getMessage()).append('\n');
            }
            Files.writeString(file, out);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
