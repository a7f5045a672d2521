package io.crvs.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.BirthVerification;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.DeathCheck;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.Sex;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.testing.StubCrvsRegistryClient;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrvsServiceTest {

    static final Identifier BRN = Identifier.of("BRN", "B-2025-0000123");
    static final Identifier UIN = Identifier.of("UIN", "U-0000000777");

    private final StubCrvsRegistryClient crvs = new StubCrvsRegistryClient("crvs.gov.example");
    private final CrvsService service = new CrvsService(crvs);

    static CrvsPersonRecord record(LocalDate deathDate, Identifier... ids) {
        return new CrvsPersonRecord(List.of(ids), PersonName.of("Orin", "Placeholder"), Sex.MALE,
                LocalDate.of(1941, 7, 1), deathDate, CivilStatus.MARRIED, null, null, List.of());
    }

    @Test
    void givenOneRecord_verifyBirth_isFoundWithTheRecord_andAsksForBirthEvents() {
        CrvsPersonRecord r = record(null, BRN);
        crvs.holds(BRN, r);

        BirthVerification v = service.verifyBirth(null, BRN);

        assertThat(v).isEqualTo(new BirthVerification.Found(BRN, r));
        CrvsSearch sent = crvs.searches.get(0).get(0);
        assertThat(sent.eventType()).isEqualTo(VitalEventType.BIRTH);
        assertThat(sent.page().number()).isEqualTo(1);
    }

    @Test
    void givenNoRecord_verifyBirth_isNotFound() {
        assertThat(service.verifyBirth("crvs.gov.example", BRN)).isEqualTo(new BirthVerification.NotFound(BRN));
    }

    @Test
    void givenTwoDifferentRecords_verifyBirth_isAmbiguous_butTheSameRecordTwiceIsFound() {
        crvs.holds(UIN, record(null, UIN), record(null, UIN, BRN));
        crvs.holds(BRN, record(null, BRN), record(null, BRN));

        assertThat(service.verifyBirth(null, UIN)).isEqualTo(new BirthVerification.Ambiguous(UIN, 2));
        assertThat(service.verifyBirth(null, BRN)).isInstanceOf(BirthVerification.Found.class);
    }

    @Test
    void givenADrn_verifyBirth_isRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> service.verifyBirth(null, Identifier.of("DRN", "D-1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("BRN or UIN");
        assertThat(crvs.searches).isEmpty();
    }

    @Test
    void givenRecordWithDeathDate_checkDeath_isDeceasedWithTheDate() {
        crvs.holds(UIN, record(null, UIN), record(LocalDate.of(2025, 3, 12), UIN, Identifier.of("DRN", "D-42")));

        DeathCheck c = service.checkDeath(null, UIN);

        assertThat(c).isInstanceOfSatisfying(DeathCheck.Deceased.class, d -> {
            assertThat(d.deathDate()).isEqualTo(LocalDate.of(2025, 3, 12));
            assertThat(d.record().identifiers()).contains(Identifier.of("DRN", "D-42"));
        });
        assertThat(crvs.searches.get(0).get(0).eventType()).isNull();
    }

    @Test
    void checkDeath_isNotDeceased_notFound_orAmbiguousWhenDatesDisagree() {
        Identifier other = Identifier.of("UIN", "U-2");
        Identifier third = Identifier.of("UIN", "U-3");
        crvs.holds(UIN, record(null, UIN));
        crvs.holds(third, record(LocalDate.of(2025, 1, 1), third), record(LocalDate.of(2025, 2, 1), third));

        assertThat(service.checkDeath(null, UIN)).isInstanceOf(DeathCheck.NotDeceased.class);
        assertThat(service.checkDeath(null, other)).isEqualTo(new DeathCheck.NotFound(other));
        assertThat(service.checkDeath(null, third)).isEqualTo(new DeathCheck.Ambiguous(third, 2));
    }

    @Test
    void givenABrn_checkDeath_isRefused() {
        assertThatThrownBy(() -> service.checkDeath(null, BRN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UIN");
    }

    @Test
    void givenARefusedSearch_search_throwsRejectedWithTheCrvsCode() {
        crvs.refuses(UIN);

        assertThatThrownBy(() -> service.search(null, CrvsSearch.byIdentifier(UIN)))
                .isInstanceOfSatisfying(CrvsCallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(CrvsCallException.Failure.REJECTED);
                    assertThat(e.code()).isEqualTo("rjct.search_criteria.invalid");
                });
    }

    @Test
    void crvsChoice_unknownNoneOrSeveral_areClearErrors() {
        assertThatThrownBy(() -> service.verifyBirth("other.crvs", BRN))
                .isInstanceOfSatisfying(CrvsCallException.class,
                        e -> assertThat(e.failure()).isEqualTo(CrvsCallException.Failure.UNKNOWN_CRVS));
        CrvsService none = new CrvsService(new StubCrvsRegistryClient());
        assertThatThrownBy(() -> none.verifyBirth(null, BRN)).isInstanceOfSatisfying(CrvsCallException.class,
                e -> assertThat(e.failure()).isEqualTo(CrvsCallException.Failure.UNKNOWN_CRVS));
        CrvsService two = new CrvsService(new StubCrvsRegistryClient("a.crvs", "b.crvs"));
        assertThatThrownBy(() -> two.verifyBirth(null, BRN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a.crvs");
        assertThat(two.verifyBirth("b.crvs", BRN)).isInstanceOf(BirthVerification.NotFound.class);
    }

    @Test
    void aCrvsFailure_isPassedOnUnchanged() {
        CrvsCallException down = new CrvsCallException(CrvsCallException.Failure.UNAVAILABLE, "crvs.gov.example",
                "connection refused");
        crvs.failWith(() -> down);

        assertThatThrownBy(() -> service.checkDeath(null, UIN)).isSameAs(down);
    }
}
