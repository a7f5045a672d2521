package io.crvs.core.spi;

import io.crvs.core.domain.ErrorCodes;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;
import java.time.LocalDate;

/**
 * Default birth rule: set the birthdate when the person has none, add the BRN. A different existing birthdate is
 * the error {@code birthdate_conflict}, never a silent overwrite.
 */
public class DefaultBirthHandler implements BirthHandler {

    @Override
    public HandlerDecision apply(VitalEvent event, RegistryPerson person) {
        LocalDate date = event.eventDate();
        RegistryPerson updated = person;
        if (date != null) {
            if (person.birthDate() == null) {
                updated = updated.withBirthDate(date);
            } else if (!person.birthDate().equals(date)) {
                return HandlerDecision.reject(ErrorCodes.BIRTHDATE_CONFLICT,
                        "the registry has a different birthdate (" + person.birthDate() + ") than the birth event ("
                                + date + ")");
            }
        }
        updated = Identifiers.addAll(updated, event, IdentifierType.BRN);
        return updated.equals(person) ? HandlerDecision.noChange(ProcessingOutcome.ALREADY_APPLIED)
                : HandlerDecision.apply(updated);
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}
