package io.crvs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void only_keepsEveryWarmUpAndTheNamedScenariosInTheirOrder() {
        Plan plan = Plan.standard(false, false).only(List.of(Plan.FIXED, Plan.SINGLE));

        assertThat(plan.scenarios()).extracting(Plan.Scenario::name)
                .containsExactly("warm-up", "warm-up-jws", "warm-up-100", Plan.SINGLE, Plan.FIXED);
        assertThat(plan.emptyHttp()).isTrue();
    }

    @Test
    void only_withoutTheSingleEventScenario_skipsTheEmptyHandlerCeilingThatReusesItsBodies() {
        Plan plan = Plan.standard(false, false).only(List.of(Plan.BATCH));

        assertThat(plan.scenarios()).extracting(Plan.Scenario::name).endsWith(Plan.BATCH).doesNotContain(Plan.SINGLE);
        assertThat(plan.emptyHttp()).isFalse();
    }

    @Test
    void only_refusesANameThatIsNotAMeasuredScenario() {
        assertThatThrownBy(() -> Plan.standard(false, false).only(List.of("warm-up", "cavage-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no measured scenario named [warm-up, cavage-2] in the standard set; its scenarios:"
                        + " cavage-1, cavage-100, jws-rs256-1, cavage-1@rate");
    }
}
