package io.crvs.core.spi;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;

/** Default divorce rule: civil status divorced since the divorce date, MRN added; older events superseded. */
public class DefaultDivorceHandler implements DivorceHandler {

    @Override
    public HandlerDecision apply(VitalEvent event, RegistryPerson person) {
        return CivilStatusRule.apply(event, person, CivilStatus.DIVORCED);
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}
