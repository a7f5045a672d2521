package io.crvs.bench.ceiling;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database ceiling: single-row insert commits per second on the receiver's own embedded PostgreSQL (fsync
 * and synchronous commit on), each insert its own transaction, from {@code connections} connections at once
 * (with several, PostgreSQL flushes the WAL of concurrent commits together). Uses a scratch table in schema
 * {@code bench_ceiling}, dropped afterwards.
 */
public final class PostgresCeiling {

    private final String url;

    /** @param url JDBC URL of the server (user and database in it) */
    public PostgresCeiling(String url) {
        this.url = url;
    }

    /** Commits per second. */
    public double commitsPerSecond(int connections, Duration time) {
        try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
            s.execute("create schema if not exists bench_ceiling");
            s.execute("create table if not exists bench_ceiling.commit_probe (id bigint generated always as identity"
                    + " primary key, payload text not null, at timestamptz not null default now())");
            try {
                run(connections, Duration.ofMillis(Math.max(200, time.toMillis() / 4)));
                return run(connections, time);
            } finally {
                s.execute("drop schema bench_ceiling cascade");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL ceiling failed: " + e.getMessage(), e);
        }
    }

    private double run(int connections, Duration time) {
        AtomicLong count = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<SQLException> failures = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + time.toNanos();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url);
                     PreparedStatement insert = c.prepareStatement(
                             "insert into bench_ceiling.commit_probe (payload) values (?)")) {
                    c.setAutoCommit(true);
                    long n = 0;
                    while (System.nanoTime() < end) {
                        insert.setString(1, "probe " + n);
                        insert.executeUpdate();
                        n++;
                    }
                    count.addAndGet(n);
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("PostgreSQL ceiling failed: " + failures.get(0).getMessage(),
                    failures.get(0));
        }
        return count.get() * 1e9 / (System.nanoTime() - start);
    }
}
