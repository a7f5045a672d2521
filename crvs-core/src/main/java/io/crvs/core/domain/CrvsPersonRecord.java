package io.crvs.core.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The person record as the CRVS sent it in a notify item ({@code reg_records}), already read leniently by the
 * adapter. Every field but {@code identifiers} may be {@code null}; dates are calendar dates as written.
 *
 * @param identifiers       the person's identifiers in record order; never {@code null}
 * @param name              the name, or {@code null}
 * @param sex               the sex, or {@code null}
 * @param birthDate         birth date, or {@code null}
 * @param deathDate         death date, or {@code null}
 * @param maritalStatus     marital status, or {@code null}
 * @param marriageDate      the last marriage date listed, or {@code null}
 * @param divorceDate       the last divorce date listed, or {@code null}
 * @param parentIdentifiers parent1 then parent2 identifiers (those present); never {@code null}
 */
public record CrvsPersonRecord(List<Identifier> identifiers, PersonName name, Sex sex, LocalDate birthDate,
                               LocalDate deathDate, CivilStatus maritalStatus, LocalDate marriageDate,
                               LocalDate divorceDate, List<Identifier> parentIdentifiers) {

    public CrvsPersonRecord {
        identifiers = List.copyOf(Objects.requireNonNull(identifiers, "identifiers"));
        parentIdentifiers = List.copyOf(Objects.requireNonNull(parentIdentifiers, "parentIdentifiers"));
    }

    /** A record holding only identifiers (the OpenSPP flat shape carries little more). */
    public static CrvsPersonRecord ofIdentifiers(List<Identifier> identifiers) {
        return new CrvsPersonRecord(identifiers, null, null, null, null, null, null, null, List.of());
    }
}
