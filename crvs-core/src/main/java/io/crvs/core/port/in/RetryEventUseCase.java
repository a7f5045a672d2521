package io.crvs.core.port.in;

import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.VitalEvent;

/** Use case: an operator puts failed events back in the queue, with their name and a reason (audited). */
public interface RetryEventUseCase {

    /**
     * @return the event, now received and due
     * @throws io.crvs.core.port.out.EventNotFoundException             for an unknown id
     * @throws io.crvs.core.domain.IllegalStateTransitionException when the event is not in error
     */
    VitalEvent retry(EventId id, String actor, String reason);

    /** Retries every event in error matching {@code filter}; returns how many. */
    int retryAll(EventFilter filter, String actor, String reason);
}
