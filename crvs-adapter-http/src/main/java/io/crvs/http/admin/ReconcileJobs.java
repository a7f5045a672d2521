package io.crvs.http.admin;

import io.crvs.core.domain.ReconcileReport;
import io.crvs.core.port.in.ReconcileUseCase;
import io.crvs.core.port.in.ReconcileUseCase.ReconcileCommand;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reconciliations for the admin API in the background, one at a time, and keeps the latest run with its
 * progress (updated after every batch) for {@code GET /reconcile}. Thread-safe.
 */
public final class ReconcileJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileJobs.class);

    /** Where a run is. */
    public enum State {
        RUNNING, FINISHED, STOPPED, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One run.
     *
     * @param id        its id
     * @param crvsId    the CRVS asked
     * @param actor     who started it
     * @param startedAt when
     * @param endedAt   when it ended, or {@code null} while running
     * @param state     where it is
     * @param progress  the counts so far
     * @param error     why it failed or stopped, or {@code null}
     */
    public record Run(String id, String crvsId, String actor, Instant startedAt, Instant endedAt, State state,
                      ReconcileReport progress, String error) {
    }

    private final ReconcileUseCase reconcile;
    private final Executor executor;
    private final InstantSource clock;
    private final int defaultBatchSize;
    private Run latest;

    /**
     * @param executor         runs the reconciliation (one thread is enough)
     * @param defaultBatchSize persons per request when the caller names none
     */
    public ReconcileJobs(ReconcileUseCase reconcile, Executor executor, InstantSource clock, int defaultBatchSize) {
        this.reconcile = Objects.requireNonNull(reconcile, "reconcile");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (defaultBatchSize < 1 || defaultBatchSize > ReconcileCommand.MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be between 1 and " + ReconcileCommand.MAX_BATCH);
        }
        this.defaultBatchSize = defaultBatchSize;
    }

    /** Persons per request when the caller names none. */
    public int defaultBatchSize() {
        return defaultBatchSize;
    }

    /**
     * Starts a run.
     *
     * @return the run, state running
     * @throws ApiException conflict when one is running
     */
    public synchronized Run start(String crvsId, int batchSize, String actor) {
        if (latest != null && latest.state() == State.RUNNING) {
            throw ApiException.conflict("a reconciliation is running already (run " + latest.id() + ")");
        }
        ReconcileCommand command = new ReconcileCommand(crvsId, batchSize, actor);
        Run run = new Run(UUID.randomUUID().toString(), crvsId, actor, clock.instant(), null, State.RUNNING,
                ReconcileReport.start(crvsId), null);
        latest = run;
        try {
            executor.execute(() -> execute(run, command));
        } catch (RejectedExecutionException e) {
            latest = end(run, State.FAILED, run.progress(), "the server is shutting down");
            throw ApiException.of(ApiErrorCode.UNAVAILABLE, "the server is shutting down; try again later");
        }
        return run;
    }

    /** The latest run, if any. */
    public synchronized Optional<Run> latest() {
        return Optional.ofNullable(latest);
    }

    private void execute(Run run, ReconcileCommand command) {
        try {
            ReconcileReport report = reconcile.reconcile(command, progress -> update(run.id(), progress));
            finish(run.id(), report.finished() ? State.FINISHED : State.STOPPED, report, report.failure());
        } catch (RuntimeException e) { // the run must end in a state whatever went wrong
            LOG.warn("Reconciliation run {} failed: {}", run.id(), e.toString());
            finish(run.id(), State.FAILED, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private synchronized void update(String id, ReconcileReport progress) {
        if (latest != null && latest.id().equals(id)) {
            latest = new Run(latest.id(), progress.crvsId(), latest.actor(), latest.startedAt(), null, State.RUNNING,
                    progress, null);
        }
    }

    private synchronized void finish(String id, State state, ReconcileReport report, String error) {
        if (latest != null && latest.id().equals(id)) {
            latest = end(latest, state, report == null ? latest.progress() : report, error);
        }
    }

    private Run end(Run run, State state, ReconcileReport report, String error) {
        return new Run(run.id(), report.crvsId(), run.actor(), run.startedAt(), clock.instant(), state, report,
                error);
    }
}
