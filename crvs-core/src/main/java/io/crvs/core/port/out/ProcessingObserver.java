package io.crvs.core.port.out;

import io.crvs.core.domain.EventError;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.VitalEvent;
import java.time.Duration;

/**
 * Outgoing port for metrics: told about every processed or failed event. Every method has a no-op default so the
 * port can grow; implementations must be fast, thread-safe and never throw.
 */
public interface ProcessingObserver {

    /** No-op observer. */
    ProcessingObserver NONE = new ProcessingObserver() {
    };

    /** An event was processed with {@code outcome}; {@code took} is the time spent processing it. */
    default void processed(VitalEvent event, ProcessingOutcome outcome, Duration took) {
    }

    /** An event failed; {@code willRetry} tells whether an automatic retry is scheduled. */
    default void failed(VitalEvent event, EventError error, boolean willRetry, Duration took) {
    }
}
