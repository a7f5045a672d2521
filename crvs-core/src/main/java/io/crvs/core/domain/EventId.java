package io.crvs.core.domain;

/** Identity of a stored vital event (assigned by the {@code EventStore}); positive. */
public record EventId(long value) {
    public EventId {
        if (value <= 0) {
            throw new InvalidInputException("event id must be positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
