package io.crvs.app.worker;

import io.crvs.core.port.in.ProcessDueEventsUseCase;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.StoreUnavailableException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs N processing workers and one lease-recovery loop.
 *
 * <p>Each worker claims a batch of due events and processes it; when nothing is due it sleeps for the poll
 * interval, and after a round that found less than a full batch it lingers a moment, so that events arriving one
 * at a time are taken a batch at a time (a round costs a few statements whatever its size). The recovery loop puts events whose lease expired (their worker died) back in the queue. On
 * {@link #close()} the loops stop taking new work, finish the batch in hand and end; events that were claimed but
 * never finished by a crashed process come back when their lease expires.
 */
public final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final ProcessDueEventsUseCase processing;
    private final EventStore events;
    private final InstantSource clock;
    private final int workers;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration linger;
    private final Duration recoveryInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong processed = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private final Object wakeUp = new Object();

    public WorkerPool(ProcessDueEventsUseCase processing, EventStore events, InstantSource clock, int workers,
                      int batchSize, Duration pollInterval, Duration linger, Duration recoveryInterval) {
        this.processing = processing;
        this.events = events;
        this.clock = clock;
        this.workers = workers;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.linger = linger;
        this.recoveryInterval = recoveryInterval;
    }

    /** Starts the threads (once). */
    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        for (int i = 0; i < workers; i++) {
            threads.add(named("crvs-worker-" + i, this::workLoop));
        }
        if (workers > 0) {
            threads.add(named("crvs-lease-recovery", this::recoveryLoop));
        }
        threads.forEach(Thread::start);
        LOG.info("started {} processing workers (batch {}, poll {}, linger {})", workers, batchSize, pollInterval,
                linger);
    }

    /** Events processed or failed since start. */
    public long handled() {
        return processed.get();
    }

    private void workLoop() {
        while (running.get()) {
            try {
                var report = processing.processDue(batchSize);
                processed.addAndGet(report.claimed());
                if (report.claimed() == 0) {
                    pause(pollInterval);
                } else if (report.claimed() < batchSize && !linger.isZero()) {
                    pause(linger);
                }
            } catch (StoreUnavailableException e) {
                LOG.warn("database unavailable, worker waits: {}", e.getMessage());
                pause(pollInterval.multipliedBy(4));
            } catch (RuntimeException e) {
                LOG.error("unexpected worker failure; continuing", e);
                pause(pollInterval);
            }
        }
    }

    private void recoveryLoop() {
        while (running.get()) {
            try {
                int n = events.requeueExpiredLeases(clock.instant());
                if (n > 0) {
                    LOG.warn("{} events had an expired lease and were put back in the queue", n);
                }
            } catch (RuntimeException e) {
                LOG.warn("lease recovery failed: {}", e.getMessage());
            }
            pause(recoveryInterval);
        }
    }

    /** Sleeps up to {@code d}, waking at once when the pool closes. */
    private void pause(Duration d) {
        synchronized (wakeUp) {
            if (!running.get()) {
                return;
            }
            try {
                wakeUp.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }

    /** Stops taking work, lets each worker finish its batch, waits up to 30 s. */
    @Override
    public synchronized void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info("processing workers stopped");
    }

    private static Thread named(String name, Runnable r) {
        return new Thread(r, name);
    }
}
