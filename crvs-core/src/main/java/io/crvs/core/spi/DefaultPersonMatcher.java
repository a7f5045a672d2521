package io.crvs.core.spi;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.PersonMatch;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.out.PartnerRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Default matcher: every identifier of the event's person record (not the parents'), except shared types (MRN:
 * both spouses carry it), is looked up; the union of the persons found decides: none, one, or many.
 * Every identifier is used, not only the first, so a record whose UIN is unknown but whose BRN is known matches.
 * The identifiers are looked up together ({@link PartnerRepository#findByIdentifiers}).
 */
public class DefaultPersonMatcher implements PersonMatcher {

    @Override
    public PersonMatch match(VitalEvent event, PartnerRepository partners) {
        List<Identifier> identifying = event.identifiers().stream()
                .filter(i -> !PartnerRepository.SHARED_IDENTIFIER_TYPES.contains(i.type())).toList();
        Map<PersonId, RegistryPerson> found = new LinkedHashMap<>();
        if (!identifying.isEmpty()) {
            Map<Identifier, List<RegistryPerson>> byIdentifier = partners.findByIdentifiers(identifying);
            for (Identifier identifier : identifying) {
                for (RegistryPerson p : byIdentifier.getOrDefault(identifier, List.of())) {
                    found.putIfAbsent(p.id(), p);
                }
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
