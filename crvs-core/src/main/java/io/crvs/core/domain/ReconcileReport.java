package io.crvs.core.domain;

/**
 * What a reconciliation run did so far (or in all, once it ended).
 *
 * @param crvsId          the CRVS asked
 * @param personsChecked  registry persons with a UIN whose records were asked for
 * @param recordsReceived person records the CRVS returned
 * @param eventsQueued    missing events found and queued (source {@code reconcile})
 * @param alreadyQueued   missing events found that an earlier run had already queued
 * @param refusedSearches searches of a batch the CRVS refused ({@code rjct}); those persons were skipped
 * @param finished        whether the run went through every person
 * @param failure         why the run stopped early (the CRVS unreachable, …), or {@code null}
 */
public record ReconcileReport(String crvsId, int personsChecked, int recordsReceived, int eventsQueued,
                              int alreadyQueued, int refusedSearches, boolean finished, String failure) {

    /** Nothing done yet. */
    public static ReconcileReport start(String crvsId) {
        return new ReconcileReport(crvsId, 0, 0, 0, 0, 0, false, null);
    }

    /** Adds one batch's counts. */
    public ReconcileReport plus(int persons, int records, int queued, int already, int refused) {
        return new ReconcileReport(crvsId, personsChecked + persons, recordsReceived + records,
                eventsQueued + queued, alreadyQueued + already, refusedSearches + refused, false, null);
    }

    /** The run went through every person. */
    public ReconcileReport done() {
        return new ReconcileReport(crvsId, personsChecked, recordsReceived, eventsQueued, alreadyQueued,
                refusedSearches, true, null);
    }

    /** The run stopped early. */
    public ReconcileReport stopped(String why) {
        return new ReconcileReport(crvsId, personsChecked, recordsReceived, eventsQueued, alreadyQueued,
                refusedSearches, false, why);
    }
}
