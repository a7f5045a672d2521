package io.crvs.core.port.in;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.ReconcileReport;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Use case: for every registry person with a UIN, ask the CRVS in batches what it records, and queue each death or
 * civil-status change the registry lacks as a vital event with source {@code reconcile}; the workers then apply it
 * with the same handlers as a notify. CRVS systems may never redeliver a lost notify: this closes the gap.
 *
 * <p>Re-running is safe: an event found again is recognised and not queued twice. The run and each event are
 * audited. A CRVS failure stops the run; the report says how far it got.
 */
public interface ReconcileUseCase {

    /**
     * @param progress told the counts so far after every batch (on the calling thread); must not throw
     * @return the final counts
     */
    ReconcileReport reconcile(ReconcileCommand command, Consumer<ReconcileReport> progress);

    /**
     * @param crvsId    the CRVS, or {@code null} when exactly one is configured
     * @param batchSize persons per request, 1 to {@value #MAX_BATCH}
     * @param actor     who runs it (audited)
     */
    record ReconcileCommand(String crvsId, int batchSize, String actor) {
        public static final int MAX_BATCH = 500;

        public ReconcileCommand {
            if (batchSize < 1 || batchSize > MAX_BATCH) {
                throw new InvalidInputException("batch size must be between 1 and " + MAX_BATCH);
            }
            Objects.requireNonNull(actor, "actor");
        }
    }
}
