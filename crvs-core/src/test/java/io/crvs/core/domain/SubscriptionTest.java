package io.crvs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    private static final Instant T = Instant.parse("2026-02-01T10:00:00Z");

    private static Subscription pending() {
        return Subscription.pending("sub-1", "crvs", VitalEventType.BIRTH, null, "txn-1", "ada", T);
    }

    @Test
    void lifeCycle_pendingActiveUnsubscribingUnsubscribed() {
        Subscription s = pending().acknowledged("corr", T).confirmed("C-1", T);
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.confirmed("C-1", T)).isSameAs(s);
        Subscription ending = s.unsubscribing(T);
        assertThat(ending.unsubscribeRefused("no", T).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(ending.unsubscribed(T).status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    }

    @Test
    void refusedTransitions_throwConflictNamingTheStatus() {
        assertThatThrownBy(() -> pending().unsubscribing(T)).isInstanceOfSatisfying(
                SubscriptionConflictException.class, e -> assertThat(e.status()).isEqualTo(SubscriptionStatus.PENDING));
        Subscription ended = pending().confirmed("C", T).unsubscribed(T);
        assertThatThrownBy(() -> ended.confirmed("C2", T)).isInstanceOf(SubscriptionConflictException.class);
        assertThatThrownBy(() -> ended.rejected("x", T)).isInstanceOf(SubscriptionConflictException.class);
        assertThatThrownBy(() -> pending().failed("x", T).failed("y", T))
                .isInstanceOf(SubscriptionConflictException.class);
    }

    @Test
    void anActiveSubscriptionWithoutCode_cannotExist() {
        assertThatThrownBy(() -> new Subscription("s", "c", VitalEventType.DEATH, null, SubscriptionStatus.ACTIVE,
                null, "t", null, null, "a", T, T)).isInstanceOf(InvalidInputException.class);
    }
}
