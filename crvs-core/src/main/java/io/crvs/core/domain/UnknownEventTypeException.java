package io.crvs.core.domain;

/** Thrown when an event-type spelling is not one the receiver knows. Carries the spelling as sent. */
public final class UnknownEventTypeException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final String spelling;

    public UnknownEventTypeException(String spelling) {
        super("unknown vital event type: " + (spelling == null ? "(none)" : '"' + truncate(spelling) + '"'));
        this.spelling = spelling;
    }

    /** The spelling as sent; may be {@code null}. */
    public String spelling() {
        return spelling;
    }
}
