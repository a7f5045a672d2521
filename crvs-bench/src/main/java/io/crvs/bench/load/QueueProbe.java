package io.crvs.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Watches the receiver's queue from outside, read-only, through a connection of its own to the server's
 * PostgreSQL: how many events of a scenario (event ids above a mark) are still pending, and the stored times of
 * the first receipt and the last completion, from which the processing throughput is computed.
 */
public final class QueueProbe implements AutoCloseable {

    private final Connection connection;

    /** Where the events of one scenario stand. */
    public record Progress(long events, long pending, long processed, long errors, Instant firstReceived,
                           Instant lastProcessed) {
        public boolean settled() {
            return pending == 0;
        }

        /** Processed events per second from the first receipt to the last completion. */
        public double processedPerSecond() {
            if (firstReceived == null || lastProcessed == null || processed == 0) {
                return 0;
            }
            double seconds = Duration.between(firstReceived, lastProcessed).toNanos() / 1e9;
            return seconds <= 0 ? 0 : processed / seconds;
        }
    }

    public QueueProbe(String url) {
        try {
            connection = DriverManager.getConnection(url);
            connection.setReadOnly(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the receiver's database: " + e.getMessage(), e);
        }
    }

    /** The highest event id so far: the mark before a scenario. */
    public long mark() {
        try (PreparedStatement s = connection.prepareStatement("select coalesce(max(id), 0) from vital_event");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Progress progress(long afterId) {
        try (PreparedStatement s = connection.prepareStatement("""
                select count(*),
                       count(*) filter (where state in ('received', 'processing')),
                       count(*) filter (where state = 'processed'),
                       count(*) filter (where state = 'error'),
                       min(received_at),
                       max(updated_at) filter (where state = 'processed')
                from vital_event where id > ?""")) {
            s.setLong(1, afterId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Progress(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), instant(r.getTimestamp(5)),
                        instant(r.getTimestamp(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls until the scenario's {@code expected} events are stored and none is pending, or {@code limit} passes.
     */
    public Progress awaitSettled(long afterId, long expected, Duration limit, Duration every) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            // the full count reads every event of the scenario (a second of PostgreSQL's time at a million
            // events): it runs only once nothing is pending, which the index on the state answers at once
            if (!pending(afterId)) {
                Progress p = progress(afterId);
                if (p.events() >= expected && p.settled()) {
                    return p;
                }
            }
            if (System.nanoTime() >= deadline) {
                return progress(afterId);
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return progress(afterId);
            }
        }
    }

    /** Whether an event of the scenario is still waiting or being processed. */
    private boolean pending(long afterId) {
        try (PreparedStatement s = connection.prepareStatement("""
                select exists (select 1 from vital_event where state = 'received' and id > ?)
                    or exists (select 1 from vital_event where state = 'processing' and id > ?)""")) {
            s.setLong(1, afterId);
            s.setLong(2, afterId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
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
