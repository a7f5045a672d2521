package io.crvs.core.spi;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.PersonMatch;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.out.PartnerRepository;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Default matcher: every identifier of the event's person record (not the parents'), except shared types (MRN:
 * both spouses carry it), is looked up; the union of the persons found decides: none, one, or many.
 * Every identifier is used, not only the first, so a record whose UIN is unknown but whose BRN is known matches.
 */
public class DefaultPersonMatcher implements PersonMatcher {

    @Override
    public PersonMatch match(VitalEvent event, PartnerRepository partners) {
        Map<PersonId, RegistryPerson> found = new LinkedHashMap<>();
        for (Identifier identifier : event.identifiers()) {
            if (PartnerRepository.SHARED_IDENTIFIER_TYPES.contains(identifier.type())) {
                continue;
            }
            for (RegistryPerson p : partners.findByIdentifier(identifier)) {
                found.putIfAbsent(p.id(), p);
            }
        }
        if (found.isEmpty()) {
            return new PersonMatch.None();
        }
        if (found.size() == 1) {
            return new PersonMatch.One(found.values().iterator().next());
        }
        return new PersonMatch.Many(java.util.List.copyOf(found.keySet()));
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}
