package io.crvs.core.spi;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;

/** Helpers for handlers: copy the event's identifiers of one type onto the person. */
public final class Identifiers {
    private Identifiers() {
    }

    /** The person with every identifier of {@code type} from the event's record added (unchanged if present). */
    public static RegistryPerson addAll(RegistryPerson person, VitalEvent event, IdentifierType type) {
        RegistryPerson result = person;
        for (Identifier i : event.identifiers()) {
            if (i.type().equals(type)) {
                result = result.withIdentifier(i);
            }
        }
        return result;
    }
}
