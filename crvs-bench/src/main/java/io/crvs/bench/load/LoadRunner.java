package io.crvs.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts pre-built requests concurrently over keep-alive loopback connections and measures each one.
 *
 * <ul>
 *   <li><b>Closed loop</b> ({@link #closedLoop}): {@code concurrency} connections, each sending its next request
 *       as soon as the previous one was answered: the most the server acknowledges.</li>
 *   <li><b>Fixed rate</b> ({@link #fixedRate}): request {@code i} is due at {@code start + i / rate}; a connection
 *       takes the next due request, waits for its time and sends it. Latency counts from the time the request was
 *       due, not from when it could be sent, so a stalled server is not hidden (no coordinated omission).</li>
 * </ul>
 *
 * Every run is bounded by the number of requests and by a time limit; requests not started by the limit are
 * reported as not sent. Each request is sent at most once (no retries).
 */
public final class LoadRunner {

    private LoadRunner() {
    }

    /** Where to send: loopback host, port, path, and the bodies to POST (as JSON), one request each. */
    public record Target(String host, int port, String path, List<byte[]> bodies) {
        public Target {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(path, "path");
            bodies = List.copyOf(bodies);
        }
    }

    /** Sends every request, {@code concurrency} at a time, for at most {@code limit}. */
    public static LoadResult closedLoop(String name, Target target, int concurrency, Duration limit) {
        return run(name, target, concurrency, 0, limit);
    }

    /** Sends request {@code i} at {@code i / ratePerSecond} after the start over up to {@code connections}. */
    public static LoadResult fixedRate(String name, Target target, double ratePerSecond, int connections,
                                       Duration limit) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        return run(name, target, connections, ratePerSecond, limit);
    }

    private static LoadResult run(String name, Target target, int concurrency, double rate, Duration limit) {
        int n = target.bodies().size();
        long[] latency = new long[n];
        Arrays.fill(latency, -1);
        int[] status = new int[n];
        long[] done = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        double interval = rate > 0 ? 1e9 / rate : 0;
        long limitNanos = limit.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                try (HttpConnection c = new HttpConnection(target.host(), target.port())) {
                    go.await();
                    long t0 = start[0];
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long due = rate > 0 ? t0 + (long) (i * interval) : 0;
                        if (rate > 0) {
                            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                        }
                        long sent = System.nanoTime();
                        if (sent - t0 > limitNanos) {
                            break; // time is up: the rest stay unsent
                        }
                        long from = rate > 0 ? due : sent;
                        try {
                            HttpConnection.Response r = c.post(target.path(), target.bodies().get(i), false);
                            status[i] = r.status();
                            if (r.status() >= 300) {
                                firstError.compareAndSet(null, r.status() + " " + r.body());
                            }
                        } catch (IOException e) {
                            status[i] = -1;
                            firstError.compareAndSet(null, "IO: " + e.getMessage());
                        }
                        long end = System.nanoTime();
                        done[i] = end;
                        latency[i] = end - from;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + name + "-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            try {
                thread.join(limit.toMillis() + 120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return LoadResult.of(name, start[0], latency, status, done, rate, concurrency, firstError.get());
    }
}
