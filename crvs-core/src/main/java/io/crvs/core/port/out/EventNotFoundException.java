package io.crvs.core.port.out;

import io.crvs.core.domain.EventId;

/** No event with that id exists. */
public final class EventNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient EventId id;

    public EventNotFoundException(EventId id) {
        super("no event " + id);
        this.id = id;
    }

    public EventId id() {
        return id;
    }
}
