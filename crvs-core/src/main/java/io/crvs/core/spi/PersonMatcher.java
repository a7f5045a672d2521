package io.crvs.core.spi;

import io.crvs.core.domain.PersonMatch;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.out.PartnerRepository;

/**
 * Strategy SPI: finds the registry person a vital event is about. Default: {@link DefaultPersonMatcher}.
 * Loaded like the handlers (see {@link HandlerRegistry}).
 *
 * <p>Contract: read-only; return {@link PersonMatch.Many} rather than picking one of several candidates.
 * Thread-safe, public no-argument constructor.
 */
public interface PersonMatcher {

    /**
     * @param event    the event; never {@code null}
     * @param partners the registry, inside the caller's unit of work; never {@code null}
     * @return none, one or many
     */
    PersonMatch match(VitalEvent event, PartnerRepository partners);

    /** Among several providers the highest priority wins; equal priorities fail start-up. */
    default int priority() {
        return 0;
    }
}
