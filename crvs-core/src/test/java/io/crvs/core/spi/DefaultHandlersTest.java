package io.crvs.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.ErrorCodes;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.testing.TestEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DefaultHandlersTest {
    private static final Identifier UIN = Identifier.of("UIN", "U-1");

    private static RegistryPerson person() {
        return new RegistryPerson(new PersonId(7), PersonName.of("Nova", "Testfamily"), null, false, null, null, null,
                List.of(UIN), 3);
    }

    private static VitalEvent event(TestEvents builder) {
        return VitalEvent.received(new EventId(1), TestEvents.message("crvs", Instant.EPOCH), builder.build(),
                "notify");
    }

    private static RegistryPerson applied(HandlerDecision d) {
        assertThat(d).isInstanceOf(HandlerDecision.Apply.class);
        return ((HandlerDecision.Apply) d).person();
    }

    private static void assertNoChange(HandlerDecision d, ProcessingOutcome outcome) {
        assertThat(d).isEqualTo(new HandlerDecision.NoChange(outcome));
    }

    private static void assertRejected(HandlerDecision d, String code) {
        assertThat(d).isInstanceOf(HandlerDecision.Reject.class);
        assertThat(((HandlerDecision.Reject) d).error().code()).isEqualTo(code);
        assertThat(((HandlerDecision.Reject) d).retryable()).isFalse();
    }

    @Nested
    class Birth {
        private final BirthHandler handler = new DefaultBirthHandler();
        private final VitalEvent birth = event(TestEvents.birth().withIdentifier("UIN", "U-1")
                .withIdentifier("BRN", "B-9").withDate("2025-03-10"));

        @Test
        void givenNoBirthdate_setsItAndAddsBrn() {
            RegistryPerson p = applied(handler.apply(birth, person()));
            assertThat(p.birthDate()).isEqualTo(LocalDate.of(2025, 3, 10));
            assertThat(p.identifiers()).containsExactly(UIN, Identifier.of("BRN", "B-9"));
        }

        @Test
        void givenSameBirthdate_onlyAddsBrn() {
            RegistryPerson p = applied(handler.apply(birth, person().withBirthDate(LocalDate.of(2025, 3, 10))));
            assertThat(p.identifiers()).contains(Identifier.of("BRN", "B-9"));
        }

        @Test
        void givenDifferentBirthdate_isConflictNeverOverwrite() {
            assertRejected(handler.apply(birth, person().withBirthDate(LocalDate.of(2025, 3, 11))),
                    ErrorCodes.BIRTHDATE_CONFLICT);
        }

        @Test
        void appliedTwice_secondTimeChangesNothing() {
            RegistryPerson once = applied(handler.apply(birth, person()));
            assertNoChange(handler.apply(birth, once), ProcessingOutcome.ALREADY_APPLIED);
        }
    }

    @Nested
    class Death {
        private final DeathHandler handler = new DefaultDeathHandler();
        private final VitalEvent death = event(TestEvents.death().withIdentifier("UIN", "U-1")
                .withIdentifier("DRN", "D-42").withDate("2025-03-12"));

        @Test
        void marksDeceasedWithDateAndAddsDrn() {
            RegistryPerson p = applied(handler.apply(death, person()));
            assertThat(p.deceased()).isTrue();
            assertThat(p.deathDate()).isEqualTo(LocalDate.of(2025, 3, 12));
            assertThat(p.identifiers()).contains(Identifier.of("DRN", "D-42"));
        }

        @Test
        void appliedTwice_changesNothingMore() {
            RegistryPerson once = applied(handler.apply(death, person()));
            assertNoChange(handler.apply(death, once), ProcessingOutcome.ALREADY_APPLIED);
        }

        @Test
        void givenOtherDeathDate_isConflict() {
            assertRejected(handler.apply(death, person().withDeath(LocalDate.of(2020, 1, 1))),
                    ErrorCodes.DEATH_DATE_CONFLICT);
        }

        @Test
        void givenDeathWithoutDate_fillsTheDate() {
            RegistryPerson p = applied(handler.apply(death, person().withDeath(null)));
            assertThat(p.deathDate()).isEqualTo(LocalDate.of(2025, 3, 12));
        }
    }

    @Nested
    class MarriageAndDivorce {
        private final MarriageHandler marriage = new DefaultMarriageHandler();
        private final DivorceHandler divorce = new DefaultDivorceHandler();
        private final VitalEvent married2025 = event(TestEvents.marriage().withIdentifier("UIN", "U-1")
                .withIdentifier("MRN", "M-9").withDate("2025-03-08"));
        private final VitalEvent divorced2024 = event(TestEvents.divorce().withIdentifier("UIN", "U-1")
                .withIdentifier("MRN", "M-1").withDate("2024-01-15"));
        private final VitalEvent divorced2026 = event(TestEvents.divorce().withIdentifier("UIN", "U-1")
                .withIdentifier("MRN", "M-9").withDate("2026-01-15"));

        @Test
        void marriage_setsMarriedWithDateAndMrn() {
            RegistryPerson p = applied(marriage.apply(married2025, person()));
            assertThat(p.civilStatus()).isEqualTo(CivilStatus.MARRIED);
            assertThat(p.civilStatusDate()).isEqualTo(LocalDate.of(2025, 3, 8));
            assertThat(p.identifiers()).contains(Identifier.of("MRN", "M-9"));
        }

        @Test
        void divorceAfterMarriage_setsDivorced() {
            RegistryPerson married = applied(marriage.apply(married2025, person()));
            RegistryPerson p = applied(divorce.apply(divorced2026, married));
            assertThat(p.civilStatus()).isEqualTo(CivilStatus.DIVORCED);
            assertThat(p.civilStatusDate()).isEqualTo(LocalDate.of(2026, 1, 15));
        }

        @Test
        void olderDivorceArrivingAfterNewerMarriage_isSuperseded() {
            RegistryPerson married = applied(marriage.apply(married2025, person()));
            assertNoChange(divorce.apply(divorced2024, married), ProcessingOutcome.SUPERSEDED);
        }

        @Test
        void olderMarriageArrivingAfterNewerDivorce_isSuperseded() {
            RegistryPerson divorced = applied(divorce.apply(divorced2026, person()));
            assertNoChange(marriage.apply(married2025, divorced), ProcessingOutcome.SUPERSEDED);
        }

        @Test
        void marriageAppliedTwice_changesNothing() {
            RegistryPerson once = applied(marriage.apply(married2025, person()));
            assertNoChange(marriage.apply(married2025, once), ProcessingOutcome.ALREADY_APPLIED);
        }

        @Test
        void marriageWithoutDate_cannotBeOrdered() {
            VitalEvent undated = event(TestEvents.marriage().withIdentifier("UIN", "U-1").withDate(null));
            assertRejected(marriage.apply(undated, person()), ErrorCodes.MISSING_EVENT_DATE);
        }
    }
}
