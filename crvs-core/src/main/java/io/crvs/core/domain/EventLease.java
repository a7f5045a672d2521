package io.crvs.core.domain;

import java.util.Objects;

/**
 * A worker's hold on a claimed event: the event and the attempt number of the claim. A store refuses to
 * complete or fail an event whose current attempt differs (the lease expired and someone else claimed it).
 */
public record EventLease(EventId eventId, int attempt) {
    public EventLease {
        Objects.requireNonNull(eventId, "eventId");
    }
}
