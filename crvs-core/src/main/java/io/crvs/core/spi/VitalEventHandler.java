package io.crvs.core.spi;

import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;

/**
 * Strategy SPI: applies one kind of vital event to the matched registry person. Implement one of the typed
 * sub-interfaces ({@link BirthHandler}, {@link DeathHandler}, {@link MarriageHandler}, {@link DivorceHandler}) and
 * list the class in {@code META-INF/services/<that interface>}; see {@link HandlerRegistry} for how providers
 * replace the defaults.
 *
 * <p>Contract: pure decision, no side effects. The handler gets the event and the person as currently stored and
 * returns a {@link HandlerDecision}; the caller stores the change and the event's outcome in one unit of work.
 * Applying the same event twice must not change the person twice. Implementations need a public no-argument
 * constructor and must be thread-safe (one instance serves all workers).
 */
public interface VitalEventHandler {

    /**
     * @param event  the event being processed; never {@code null}
     * @param person the matched person; never {@code null}
     * @return what to do; never {@code null}
     */
    HandlerDecision apply(VitalEvent event, RegistryPerson person);

    /** Among several providers of the same handler type the highest priority wins; equal priorities fail start-up. */
    default int priority() {
        return 0;
    }
}
