package io.crvs.core.spi;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;

/** Default marriage rule: civil status married since the marriage date, MRN added; older events superseded. */
public class DefaultMarriageHandler implements MarriageHandler {

    @Override
    public HandlerDecision apply(VitalEvent event, RegistryPerson person) {
        return CivilStatusRule.apply(event, person, CivilStatus.MARRIED);
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}
