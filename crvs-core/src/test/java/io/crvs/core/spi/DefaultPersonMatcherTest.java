package io.crvs.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.EventId;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonMatch;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.testing.InMemoryPartnerRepository;
import io.crvs.core.testing.TestEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultPersonMatcherTest {
    private final InMemoryPartnerRepository partners = new InMemoryPartnerRepository();
    private final PersonMatcher matcher = new DefaultPersonMatcher();

    private static VitalEvent event(TestEvents b) {
        return VitalEvent.received(new EventId(1), TestEvents.message("crvs", Instant.EPOCH), b.build(), "notify");
    }

    @Test
    void noIdentifierKnown_isNone() {
        assertThat(matcher.match(event(TestEvents.death().withIdentifier("UIN", "U-404")), partners))
                .isInstanceOf(PersonMatch.None.class);
    }

    @Test
    void laterIdentifierKnown_matches_notOnlyTheFirst() {
        RegistryPerson p = partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("BRN", "B-1"))));
        PersonMatch m = matcher.match(event(TestEvents.death().withIdentifier("UIN", "U-404")
                .withIdentifier("BRN", "B-1")), partners);
        assertThat(m).isEqualTo(new PersonMatch.One(p));
    }

    @Test
    void identifiersPointingAtTwoPersons_isMany() {
        RegistryPerson a = partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-1"))));
        RegistryPerson b = partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("BRN", "B-2"))));
        PersonMatch m = matcher.match(event(TestEvents.death().withIdentifier("UIN", "U-1")
                .withIdentifier("BRN", "B-2")), partners);
        assertThat(m).isEqualTo(new PersonMatch.Many(List.of(a.id(), b.id())));
    }

    @Test
    void sharedMrn_isNeverUsedToIdentifyASpouse() {
        partners.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("UIN", "U-1"),
                Identifier.of("MRN", "M-9"))));
        RegistryPerson spouse = partners.add(RegistryPerson.newPerson(null, null,
                List.of(Identifier.of("UIN", "U-2"))));
        PersonMatch m = matcher.match(event(TestEvents.marriage().withIdentifier("UIN", "U-2")
                .withIdentifier("MRN", "M-9")), partners);
        assertThat(m).isEqualTo(new PersonMatch.One(spouse));
    }
}
