package io.crvs.core.spi;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.ErrorCodes;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;

/**
 * The shared marriage/divorce rule: set the civil status with the event's date and add the MRN, unless the
 * person's civil status was set by a strictly newer event; then the older event is {@code superseded} and changes
 * nothing. An event without a date cannot be ordered: error {@code missing_event_date}.
 */
final class CivilStatusRule {
    private CivilStatusRule() {
    }

    static HandlerDecision apply(VitalEvent event, RegistryPerson person, CivilStatus status) {
        if (event.eventDate() == null) {
            return HandlerDecision.reject(ErrorCodes.MISSING_EVENT_DATE,
                    "a " + event.type().name().toLowerCase(java.util.Locale.ROOT)
                            + " event needs a date to be ordered against the person's civil status");
        }
        if (person.civilStatusDate() != null && person.civilStatusDate().isAfter(event.eventDate())) {
            return HandlerDecision.noChange(ProcessingOutcome.SUPERSEDED);
        }
        RegistryPerson updated = person.withCivilStatus(status, event.eventDate());
        updated = Identifiers.addAll(updated, event, IdentifierType.MRN);
        return updated.equals(person) ? HandlerDecision.noChange(ProcessingOutcome.ALREADY_APPLIED)
                : HandlerDecision.apply(updated);
    }
}
