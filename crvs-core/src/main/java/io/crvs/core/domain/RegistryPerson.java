package io.crvs.core.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person in the social-protection registry, as far as vital events concern them. Immutable; {@code with…}
 * methods return changed copies and the repository bumps {@code version} on every update (optimistic locking).
 *
 * @param id              identity, or {@code null} for a person not yet stored
 * @param name            name, or {@code null}
 * @param birthDate       birthdate, or {@code null} when unknown
 * @param deceased        whether recorded deceased
 * @param deathDate       date of death, or {@code null}
 * @param civilStatus     civil status, or {@code null} when unknown
 * @param civilStatusDate date of the event that set the civil status, or {@code null}
 * @param identifiers     registry identifiers; never {@code null}, no duplicates
 * @param version         optimistic-lock version (0 before the first store)
 */
public record RegistryPerson(PersonId id, PersonName name, LocalDate birthDate, boolean deceased,
                             LocalDate deathDate, CivilStatus civilStatus, LocalDate civilStatusDate,
                             List<Identifier> identifiers, long version) {

    public RegistryPerson {
        identifiers = List.copyOf(new java.util.LinkedHashSet<>(Objects.requireNonNull(identifiers, "identifiers")));
    }

    /** A person to be stored. */
    public static RegistryPerson newPerson(PersonName name, LocalDate birthDate, List<Identifier> identifiers) {
        return new RegistryPerson(null, name, birthDate, false, null, null, null, identifiers, 0);
    }

    public boolean hasIdentifier(Identifier identifier) {
        return identifiers.contains(identifier);
    }

    public RegistryPerson withIdentifier(Identifier identifier) {
        if (hasIdentifier(identifier)) {
            return this;
        }
        List<Identifier> more = new ArrayList<>(identifiers);
        more.add(identifier);
        return new RegistryPerson(id, name, birthDate, deceased, deathDate, civilStatus, civilStatusDate, more,
                version);
    }

    public RegistryPerson withBirthDate(LocalDate date) {
        return new RegistryPerson(id, name, date, deceased, deathDate, civilStatus, civilStatusDate, identifiers,
                version);
    }

    public RegistryPerson withDeath(LocalDate date) {
        return new RegistryPerson(id, name, birthDate, true, date, civilStatus, civilStatusDate, identifiers,
                version);
    }

    public RegistryPerson withCivilStatus(CivilStatus status, LocalDate since) {
        return new RegistryPerson(id, name, birthDate, deceased, deathDate, status, since, identifiers, version);
    }

    public RegistryPerson withIdAndVersion(PersonId newId, long newVersion) {
        return new RegistryPerson(newId, name, birthDate, deceased, deathDate, civilStatus, civilStatusDate,
                identifiers, newVersion);
    }
}
