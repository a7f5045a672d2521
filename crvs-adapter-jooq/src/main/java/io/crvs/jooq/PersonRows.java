package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.PERSON;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.jooq.generated.tables.records.PersonRecord;
import java.util.List;

/**
 * Persistence adapter mapper: {@code person} rows to and from {@link RegistryPerson}. A name whose parts are all
 * absent is stored as no name. Writing checks every string with {@link TextGuard}.
 */
final class PersonRows {

    private PersonRows() {
    }

    /** The person's columns (not its id) at the given version, every one marked for writing. */
    static PersonRecord row(RegistryPerson p, long version) {
        PersonRecord r = new PersonRecord();
        PersonName n = p.name();
        r.setGivenName(TextGuard.checked("given name", n == null ? null : n.givenName()));
        r.setSecondName(TextGuard.checked("second name", n == null ? null : n.secondName()));
        r.setSurname(TextGuard.checked("surname", n == null ? null : n.surname()));
        r.setMaidenName(TextGuard.checked("maiden name", n == null ? null : n.maidenName()));
        r.setNamePrefix(TextGuard.checked("name prefix", n == null ? null : n.prefix()));
        r.setNameSuffix(TextGuard.checked("name suffix", n == null ? null : n.suffix()));
        r.setBirthDate(p.birthDate());
        r.setDeceased(p.deceased());
        r.setDeathDate(p.deathDate());
        r.setCivilStatus(p.civilStatus() == null ? null : p.civilStatus().name());
        r.setCivilStatusDate(p.civilStatusDate());
        r.setVersion(version);
        for (Identifier i : p.identifiers()) {
            TextGuard.checked("identifier value", i.value());
        }
        // Every column but the generated id is written, nulls included (an update may clear a value).
        r.changed(true);
        r.changed(PERSON.ID, false);
        return r;
    }

    static RegistryPerson person(PersonRecord r, List<Identifier> identifiers) {
        PersonName name = r.getGivenName() == null && r.getSecondName() == null && r.getSurname() == null
                && r.getMaidenName() == null && r.getNamePrefix() == null && r.getNameSuffix() == null ? null
                : new PersonName(r.getGivenName(), r.getSecondName(), r.getSurname(), r.getMaidenName(),
                        r.getNamePrefix(), r.getNameSuffix());
        return new RegistryPerson(new PersonId(r.getId()), name, r.getBirthDate(), r.getDeceased(),
                r.getDeathDate(), r.getCivilStatus() == null ? null : CivilStatus.valueOf(r.getCivilStatus()),
                r.getCivilStatusDate(), identifiers, r.getVersion());
    }
}
