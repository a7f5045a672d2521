package io.crvs.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.app.CrvsApplication;
import io.crvs.app.demo.DemoScenario;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.domain.VitalEventType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo, end to end on PostgreSQL, with assertions on what ends up in the database. */
class DemoEndToEndTest {

    @TempDir
    Path dir;

    private static RegistryPerson person(CrvsApplication app, String uin) {
        List<RegistryPerson> found = app.components().partners().findByIdentifier(Identifier.of("UIN", uin));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void demo_appliesEveryEventAndRejectsTheForgery() {
        try (CrvsApplication app = AppFixture.start(dir.resolve("pg"), InstantSource.system(), 2)) {
            DemoScenario.Result r = new DemoScenario(app, Duration.ofSeconds(60)).run();

            assertThat(r.settled()).isTrue();
            assertThat(r.deliveries()).extracting(DemoScenario.Delivery::status)
                    .containsExactly(202, 202, 202, 202, 202, 202, 401);
            String firstAck = r.deliveries().get(0).answer();
            String duplicateAck = r.deliveries().get(5).answer();
            assertThat(correlationId(duplicateAck)).isEqualTo(correlationId(firstAck));
            assertThat(r.deliveries().get(6).answer()).contains("\"ack_status\":\"ERR\"")
                    .contains("err.signature.invalid");

            assertThat(r.events()).hasSize(6).allSatisfy(e -> {
                assertThat(e.state()).isEqualTo(EventState.PROCESSED);
                assertThat(e.outcome()).isEqualTo(ProcessingOutcome.APPLIED);
            });
            VitalEvent late = r.events().stream().filter(e -> e.identifiers().contains(Identifier.of("UIN",
                    "U-1006"))).findFirst().orElseThrow();
            assertThat(late.attempts()).isGreaterThanOrEqualTo(2);
            assertThat(app.components().events().history(late.id()))
                    .anySatisfy(a -> assertThat(a.reason()).isEqualTo("no_match"));
            assertThat(r.events()).extracting(VitalEvent::type).containsExactly(VitalEventType.BIRTH,
                    VitalEventType.DEATH, VitalEventType.MARRIAGE, VitalEventType.MARRIAGE, VitalEventType.DIVORCE,
                    VitalEventType.DEATH);

            RegistryPerson nova = person(app, "U-1001");
            assertThat(nova.birthDate()).isEqualTo(LocalDate.of(2025, 3, 10));
            assertThat(nova.identifiers()).contains(Identifier.of("BRN", "B-2025-0000123"));
            assertThat(nova.deceased()).isFalse();
            RegistryPerson orin = person(app, "U-1002");
            assertThat(orin.deceased()).isTrue();
            assertThat(orin.deathDate()).isEqualTo(LocalDate.of(2025, 3, 12));
            for (String spouse : List.of("U-1003", "U-1004")) {
                RegistryPerson p = person(app, spouse);
                assertThat(p.civilStatus()).isEqualTo(CivilStatus.MARRIED);
                assertThat(p.civilStatusDate()).isEqualTo(LocalDate.of(2025, 3, 8));
                assertThat(p.identifiers()).contains(Identifier.of("MRN", "M-2025-0000009"));
            }
            RegistryPerson cleo = person(app, "U-1005");
            assertThat(cleo.civilStatus()).isEqualTo(CivilStatus.DIVORCED);
            assertThat(cleo.civilStatusDate()).isEqualTo(LocalDate.of(2025, 3, 1));
            RegistryPerson iris = person(app, "U-1006");
            assertThat(iris.deceased()).isTrue();
            assertThat(iris.deathDate()).isEqualTo(LocalDate.of(2025, 3, 20));
        }
    }

    private static String correlationId(String ack) {
        int i = ack.indexOf("\"correlation_id\":\"");
        assertThat(i).isPositive();
        return ack.substring(i + 18, ack.indexOf('"', i + 18));
    }
}
