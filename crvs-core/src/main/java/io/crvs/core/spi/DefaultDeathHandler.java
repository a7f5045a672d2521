package io.crvs.core.spi;

import io.crvs.core.domain.ErrorCodes;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;
import java.time.LocalDate;

/**
 * Default death rule: mark the person deceased with the death date and add the DRN. Applying it twice changes
 * nothing more. A person already recorded deceased on another date is the error {@code death_date_conflict};
 * a known date fills in a death recorded without one.
 */
public class DefaultDeathHandler implements DeathHandler {

    @Override
    public HandlerDecision apply(VitalEvent event, RegistryPerson person) {
        LocalDate date = event.eventDate();
        RegistryPerson updated = person;
        if (!person.deceased()) {
            updated = updated.withDeath(date);
        } else if (person.deathDate() == null && date != null) {
            updated = updated.withDeath(date);
        } else if (person.deathDate() != null && date != null && !person.deathDate().equals(date)) {
            return HandlerDecision.reject(ErrorCodes.DEATH_DATE_CONFLICT,
                    "the registry records a different date of death (" + person.deathDate()
                            + ") than the death event (" + date + ")");
        }
        updated = Identifiers.addAll(updated, event, IdentifierType.DRN);
        return updated.equals(person) ? HandlerDecision.noChange(ProcessingOutcome.ALREADY_APPLIED)
                : HandlerDecision.apply(updated);
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}
