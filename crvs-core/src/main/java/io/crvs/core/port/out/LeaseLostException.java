package io.crvs.core.port.out;

import io.crvs.core.domain.EventLease;

/** The worker's lease on an event ended (it expired and the event was requeued or claimed again). */
public final class LeaseLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(EventLease lease) {
        super("lease lost on event " + lease.eventId() + " (attempt " + lease.attempt() + ")");
    }
}
