package io.crvs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(1),
            Duration.ofHours(1), 0);
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    private VitalEvent claimedTimes(int attempts) {
        VitalEvent e = VitalEvent.received(new EventId(1), TestEvents.message("s", T0),
                TestEvents.death().withIdentifier("UIN", "U-1").build(), "notify");
        for (int i = 0; i < attempts; i++) {
            e = e.claim(T0, Duration.ofSeconds(30));
            if (i < attempts - 1) {
                e = e.fail(new EventError("x", "x"), T0, null, T0);
            }
        }
        return e;
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        assertThat(policy.delay(1, random)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delay(2, random)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delay(3, random)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.delay(4, random)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delay(500, random)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void jitterStaysWithinItsFraction() {
        RetryPolicy jittery = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ZERO, 0.5);
        for (int i = 0; i < 200; i++) {
            assertThat(jittery.delay(1, random)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
        }
    }

    @Test
    void retryableFailure_isRetriedUntilMaxAttempts() {
        assertThat(policy.nextAttempt(claimedTimes(1), ErrorCodes.CONCURRENT_UPDATE, true, T0, random))
                .isEqualTo(T0.plusSeconds(10));
        assertThat(policy.nextAttempt(claimedTimes(2), ErrorCodes.CONCURRENT_UPDATE, true, T0, random))
                .isEqualTo(T0.plusSeconds(20));
        assertThat(policy.nextAttempt(claimedTimes(3), ErrorCodes.CONCURRENT_UPDATE, true, T0, random)).isNull();
    }

    @Test
    void noMatch_isRetriedForItsWindowWhateverTheAttempts() {
        assertThat(policy.nextAttempt(claimedTimes(3), ErrorCodes.NO_MATCH, true, T0.plusSeconds(3599), random))
                .isNotNull();
        assertThat(policy.nextAttempt(claimedTimes(1), ErrorCodes.NO_MATCH, true, T0.plusSeconds(3600), random))
                .isNull();
    }

    @Test
    void nonRetryableFailure_waitsForAnOperator() {
        assertThat(policy.nextAttempt(claimedTimes(1), ErrorCodes.AMBIGUOUS_MATCH, false, T0, random)).isNull();
    }
}
