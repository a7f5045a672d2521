package io.crvs.core.domain;

import java.time.Instant;
import java.util.Map;

/**
 * Queue health at a moment.
 *
 * @param countsByState   number of events per state
 * @param due             events a worker could claim now
 * @param oldestDueSince  when the oldest due event became due, or {@code null} if none
 */
public record QueueStats(Map<EventState, Long> countsByState, long due, Instant oldestDueSince) {
    public QueueStats {
        countsByState = Map.copyOf(countsByState);
    }
}
