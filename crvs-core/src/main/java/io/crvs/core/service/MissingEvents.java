package io.crvs.core.service;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEventType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a registry person with the CRVS's records of them and lists what the registry lacks: a death it does
 * not record (or records on another date: the death handler then flags the conflict), and a marriage or divorce
 * newer than the civil status it holds. Only what the CRVS states is used: a record's marital status with its
 * date ({@code M} + marriage date, {@code D} + divorce date), or, without a marital status, the later of the two
 * dates. Widowhood and the other statuses have no handler and are not derived.
 */
final class MissingEvents {

    /**
     * One event the registry lacks.
     *
     * @param type   death, marriage or divorce
     * @param date   its date as the CRVS records it
     * @param record the CRVS record stating it
     */
    record Missing(VitalEventType type, LocalDate date, CrvsPersonRecord record) {
    }

    private MissingEvents() {
    }

    static List<Missing> of(RegistryPerson person, List<CrvsPersonRecord> records) {
        Map<String, Missing> found = new LinkedHashMap<>();
        for (CrvsPersonRecord r : records) {
            LocalDate death = r.deathDate();
            if (death != null && !(person.deceased() && death.equals(person.deathDate()))) {
                found.putIfAbsent("death " + death, new Missing(VitalEventType.DEATH, death, r));
            }
            Missing civil = civilEvent(r);
            if (civil != null && isNewer(person, civil)) {
                found.putIfAbsent(civil.type() + " " + civil.date(), civil);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static Missing civilEvent(CrvsPersonRecord r) {
        LocalDate marriage = r.marriageDate();
        LocalDate divorce = r.divorceDate();
        CivilStatus status = r.maritalStatus();
        if (status == CivilStatus.DIVORCED && divorce != null) {
            return new Missing(VitalEventType.DIVORCE, divorce, r);
        }
        if (status == CivilStatus.MARRIED && marriage != null) {
            return new Missing(VitalEventType.MARRIAGE, marriage, r);
        }
        if (status != null) {
            return null;
        }
        if (divorce != null && (marriage == null || divorce.isAfter(marriage))) {
            return new Missing(VitalEventType.DIVORCE, divorce, r);
        }
        return marriage == null ? null : new Missing(VitalEventType.MARRIAGE, marriage, r);
    }

    private static boolean isNewer(RegistryPerson person, Missing event) {
        CivilStatus target = event.type() == VitalEventType.MARRIAGE ? CivilStatus.MARRIED : CivilStatus.DIVORCED;
        LocalDate since = person.civilStatusDate();
        if (since == null) {
            return true;
        }
        return since.isBefore(event.date()) || since.equals(event.date()) && !Objects.equals(person.civilStatus(),
                target);
    }
}
