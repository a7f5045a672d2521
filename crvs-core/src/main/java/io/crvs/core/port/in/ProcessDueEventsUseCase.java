package io.crvs.core.port.in;

/**
 * Use case: claim a batch of due events and process each one: match the person, dispatch to the handler for its
 * type, apply the change and record the outcome in one unit of work; failures are recorded with a retry time
 * from the retry policy.
 */
public interface ProcessDueEventsUseCase {

    /**
     * Processes up to {@code max} due events.
     *
     * @return how many were claimed, processed and failed
     */
    ProcessingReport processDue(int max);

    /** Counts of one batch. */
    record ProcessingReport(int claimed, int processed, int failed) {
        public static final ProcessingReport EMPTY = new ProcessingReport(0, 0, 0);
    }
}
