package io.crvs.core.domain;

import java.util.List;

/** The registry persons an event's identifiers point at: none, exactly one, or several. */
public sealed interface PersonMatch {

    record None() implements PersonMatch {
    }

    record One(RegistryPerson person) implements PersonMatch {
    }

    record Many(List<PersonId> candidates) implements PersonMatch {
        public Many {
            candidates = List.copyOf(candidates);
        }
    }
}
