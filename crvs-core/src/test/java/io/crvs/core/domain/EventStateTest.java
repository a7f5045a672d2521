package io.crvs.core.domain;

import static io.crvs.core.domain.EventState.Transition.CLAIM;
import static io.crvs.core.domain.EventState.Transition.COMPLETE;
import static io.crvs.core.domain.EventState.Transition.FAIL;
import static io.crvs.core.domain.EventState.Transition.LEASE_EXPIRED;
import static io.crvs.core.domain.EventState.Transition.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventStateTest {

    private static final Map<EventState, Map<EventState.Transition, EventState>> LEGAL = Map.of(
            EventState.RECEIVED, Map.of(CLAIM, EventState.PROCESSING),
            EventState.PROCESSING, Map.of(COMPLETE, EventState.PROCESSED, FAIL, EventState.ERROR,
                    LEASE_EXPIRED, EventState.RECEIVED),
            EventState.ERROR, Map.of(RETRY, EventState.RECEIVED),
            EventState.PROCESSED, Map.of());

    @Test
    void legalTransitions_reachTheDocumentedState() {
        LEGAL.forEach((from, moves) -> moves.forEach((t, to) -> assertThat(from.next(t)).isEqualTo(to)));
    }

    @Test
    void everyOtherTransition_throwsNamingStateAndTransition() {
        int illegal = 0;
        for (EventState from : EventState.values()) {
            Set<EventState.Transition> others = EnumSet.allOf(EventState.Transition.class);
            others.removeAll(LEGAL.get(from).keySet());
            for (EventState.Transition t : others) {
                assertThatThrownBy(() -> from.next(t)).isInstanceOf(IllegalStateTransitionException.class)
                        .hasMessageContaining(from.code())
                        .satisfies(e -> assertThat(((IllegalStateTransitionException) e).transition()).isEqualTo(t));
                assertThat(from.allows(t)).isFalse();
                illegal++;
            }
        }
        assertThat(illegal).isEqualTo(20 - 5);
    }

    @Test
    void processedIsFinal_andErrorLeavesOnlyByRetry() {
        assertThatThrownBy(() -> EventState.PROCESSED.next(RETRY)).isInstanceOf(IllegalStateTransitionException.class);
        assertThatThrownBy(() -> EventState.ERROR.next(CLAIM)).isInstanceOf(IllegalStateTransitionException.class);
        assertThat(EventState.ERROR.allows(RETRY)).isTrue();
    }

    @Test
    void parse_acceptsCodesAndRejectsUnknown() {
        assertThat(EventState.parse("error")).isEqualTo(EventState.ERROR);
        assertThat(EventState.parse(" PROCESSED ")).isEqualTo(EventState.PROCESSED);
        assertThatThrownBy(() -> EventState.parse("done")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("done");
    }
}
