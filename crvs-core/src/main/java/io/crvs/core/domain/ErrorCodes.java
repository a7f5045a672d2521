package io.crvs.core.domain;

/** Stable processing error codes recorded on events in state {@code error}. Custom handlers may add their own. */
public final class ErrorCodes {
    /** No registry person carries any of the event's identifiers (retried automatically for a window). */
    public static final String NO_MATCH = "no_match";
    /** More than one registry person matches; never pick one. */
    public static final String AMBIGUOUS_MATCH = "ambiguous_match";
    /** The person already has a different birthdate; never overwritten silently. */
    public static final String BIRTHDATE_CONFLICT = "birthdate_conflict";
    /** The person is already recorded deceased on a different date. */
    public static final String DEATH_DATE_CONFLICT = "death_date_conflict";
    /** The event carries no date where the rule needs one (marriage, divorce). */
    public static final String MISSING_EVENT_DATE = "missing_event_date";
    /** An identifier the event would add already belongs to another person. */
    public static final String IDENTIFIER_CONFLICT = "identifier_conflict";
    /** The person changed concurrently; retried. */
    public static final String CONCURRENT_UPDATE = "concurrent_update";
    /** A handler threw an unexpected exception. */
    public static final String HANDLER_FAILURE = "handler_failure";

    private ErrorCodes() {
    }
}
