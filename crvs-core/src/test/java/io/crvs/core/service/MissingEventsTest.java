package io.crvs.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEventType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingEventsTest {
    static final Identifier UIN = Identifier.of("UIN", "U-1");
    static final LocalDate D2015 = LocalDate.of(2015, 6, 1);
    static final LocalDate D2024 = LocalDate.of(2024, 9, 30);

    private static CrvsPersonRecord rec(LocalDate death, CivilStatus status, LocalDate marriage, LocalDate divorce) {
        return new CrvsPersonRecord(List.of(UIN), null, null, null, death, status, marriage, divorce, List.of());
    }

    private static RegistryPerson person(boolean deceased, LocalDate deathDate, CivilStatus status, LocalDate since) {
        return new RegistryPerson(null, null, null, deceased, deathDate, status, since, List.of(UIN), 0);
    }

    private static List<String> missing(RegistryPerson p, CrvsPersonRecord... records) {
        return MissingEvents.of(p, List.of(records)).stream().map(m -> m.type() + " " + m.date()).toList();
    }

    @Test
    void death_isMissingUnlessRecordedOnTheSameDate() {
        LocalDate d = LocalDate.of(2025, 3, 12);
        assertThat(missing(person(false, null, null, null), rec(d, null, null, null))).containsExactly("DEATH " + d);
        assertThat(missing(person(true, d, null, null), rec(d, null, null, null))).isEmpty();
        assertThat(missing(person(true, d.minusDays(1), null, null), rec(d, null, null, null)))
                .containsExactly("DEATH " + d);
        assertThat(missing(person(false, null, null, null), rec(d, null, null, null), rec(d, null, null, null)))
                .hasSize(1);
    }

    @Test
    void civilStatus_followsTheStatedStatusAndItsDate() {
        RegistryPerson marriedSince2015 = person(false, null, CivilStatus.MARRIED, D2015);
        assertThat(missing(marriedSince2015, rec(null, CivilStatus.DIVORCED, D2015, D2024)))
                .containsExactly("DIVORCE " + D2024);
        assertThat(missing(marriedSince2015, rec(null, CivilStatus.MARRIED, D2015, null))).isEmpty();
        assertThat(missing(person(false, null, null, null), rec(null, CivilStatus.MARRIED, D2015, null)))
                .containsExactly("MARRIAGE " + D2015);
        assertThat(missing(person(false, null, CivilStatus.DIVORCED, D2015), rec(null, CivilStatus.MARRIED, D2015, null)))
                .containsExactly("MARRIAGE " + D2015);
        assertThat(missing(person(false, null, CivilStatus.DIVORCED, D2024), rec(null, CivilStatus.MARRIED, D2015, null)))
                .isEmpty();
    }

    @Test
    void withoutAStatus_theLaterDateDecides_andWidowhoodIsNotDerived() {
        RegistryPerson single = person(false, null, null, null);
        assertThat(missing(single, rec(null, null, D2015, D2024))).containsExactly("DIVORCE " + D2024);
        assertThat(missing(single, rec(null, null, D2024, D2015))).containsExactly("MARRIAGE " + D2024);
        assertThat(missing(single, rec(null, CivilStatus.WIDOWED, D2015, null))).isEmpty();
        assertThat(missing(single, rec(null, CivilStatus.MARRIED, null, null))).isEmpty();
    }

    @Test
    void deathAndCivilChange_areBothReported() {
        assertThat(MissingEvents.of(person(false, null, null, null),
                List.of(rec(LocalDate.of(2025, 1, 2), CivilStatus.MARRIED, D2015, null))))
                .extracting(MissingEvents.Missing::type).containsExactly(VitalEventType.DEATH, VitalEventType.MARRIAGE);
    }
}
