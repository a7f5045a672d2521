package io.crvs.core.domain;

/**
 * Life cycle of a stored vital event: {@code RECEIVED → PROCESSING → PROCESSED | ERROR}; {@code ERROR → RECEIVED}
 * only by a retry (an operator's, or the automatic retry policy's, always with actor and reason);
 * {@code PROCESSING → RECEIVED} when a worker's lease expires. {@link #next(Transition)} throws on anything else.
 */
public enum EventState {
    RECEIVED, PROCESSING, PROCESSED, ERROR;

    /** What moves an event from one state to another. */
    public enum Transition {
        /** A worker takes the event under a lease. */
        CLAIM,
        /** The handler finished; the outcome is recorded. */
        COMPLETE,
        /** Processing failed; the error is recorded. */
        FAIL,
        /** An operator or the retry policy puts a failed event back in the queue. */
        RETRY,
        /** The worker holding the event stopped renewing its lease. */
        LEASE_EXPIRED
    }

    /**
     * The state reached from this one by a transition.
     *
     * @throws IllegalStateTransitionException when the transition is not allowed from this state
     */
    public EventState next(Transition transition) {
        EventState to = switch (transition) {
            case CLAIM -> this == RECEIVED ? PROCESSING : null;
            case COMPLETE -> this == PROCESSING ? PROCESSED : null;
            case FAIL -> this == PROCESSING ? ERROR : null;
            case RETRY -> this == ERROR ? RECEIVED : null;
            case LEASE_EXPIRED -> this == PROCESSING ? RECEIVED : null;
        };
        if (to == null) {
            throw new IllegalStateTransitionException(this, transition);
        }
        return to;
    }

    /** Whether {@link #next(Transition)} would succeed. */
    public boolean allows(Transition transition) {
        try {
            next(transition);
            return true;
        } catch (IllegalStateTransitionException e) {
            return false;
        }
    }

    /** Lower-case name as stored and shown ({@code received}, {@code processing}, …). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads {@link #code()} or the enum name. */
    public static EventState parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("unknown event state: " + value
                    + " (expected received, processing, processed or error)");
        }
    }
}
