package io.crvs.core.domain;

/** Thrown when a date sent by a CRVS is empty, malformed or impossible (2021-02-30). Never clamped. */
public final class InvalidDateException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidDateException(String value, String why) {
        super("invalid date " + (value == null ? "(none)" : '"' + truncate(value) + '"') + ": " + why);
    }
}
