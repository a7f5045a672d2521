package io.crvs.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.SearchCondition;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.Subscription;
import io.crvs.core.domain.SubscriptionStatus;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.out.SubscriptionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link SubscriptionStore} must meet. The store may hold other tests' data: each test uses its own
 * CRVS id.
 */
public abstract class AbstractSubscriptionStoreContract {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    protected SubscriptionStore store;
    private String crvs;

    protected abstract SubscriptionStore createStore();

    @BeforeEach
    void setUpContract() {
        store = createStore();
        crvs = TestEvents.unique("crvs.sub");
    }

    private Subscription pending(SearchQuery filter, Instant at) {
        return Subscription.pending(TestEvents.unique("sub"), crvs, VitalEventType.DEATH, filter,
                TestEvents.unique("txn"), "ada", at);
    }

    @Test
    void givenNewSubscription_save_thenFindReturnsItAsSaved() {
        Subscription s = pending(null, T0);

        store.save(s);

        assertThat(store.find(s.id())).contains(s);
        assertThat(store.find(TestEvents.unique("other"))).isEmpty();
    }

    @Test
    void filters_ofBothKinds_roundTrip() {
        Subscription byId = pending(SearchQuery.identifier(Identifier.of("UIN", "U-é'\"1")), T0);
        Subscription byPredicate = pending(new SearchQuery.ByPredicate(List.of(
                new SearchCondition("birth_date", SearchCondition.Operator.GE, "2020-01-01"),
                new SearchCondition("region_code", SearchCondition.Operator.IN, "R-01,R-02"))), T0);

        store.save(byId);
        store.save(byPredicate);

        assertThat(store.find(byId.id())).contains(byId);
        assertThat(store.find(byPredicate.id())).contains(byPredicate);
    }

    @Test
    void givenConfirmedSubscription_save_replacesItAndFindByCodeFindsIt() {
        Subscription s = store.save(pending(null, T0));
        Subscription active = s.acknowledged("corr-1", T0.plusSeconds(1)).confirmed("CODE-1", T0.plusSeconds(2));

        store.save(active);

        assertThat(store.find(s.id())).contains(active);
        assertThat(store.findByCode(crvs, "CODE-1")).contains(active);
        assertThat(store.findByCode(crvs, "CODE-2")).isEmpty();
        assertThat(store.findByCode(TestEvents.unique("another.crvs"), "CODE-1")).isEmpty();
        assertThat(store.list(crvs)).containsExactly(active);
    }

    @Test
    void givenCodeOfAnotherSubscriptionOfTheSameCrvs_save_isRefused() {
        store.save(pending(null, T0).confirmed("SAME", T0));
        Subscription second = pending(null, T0.plusSeconds(1)).confirmed("SAME", T0.plusSeconds(1));

        assertThatThrownBy(() -> store.save(second)).isInstanceOf(InvalidInputException.class);
        assertThat(store.find(second.id())).isEmpty();
    }

    @Test
    void list_isNewestFirst_andFiltersByCrvs() {
        Subscription older = store.save(pending(null, T0));
        Subscription newer = store.save(pending(null, T0.plus(Duration.ofHours(1))));
        Subscription rejected = store.save(pending(null, T0.plus(Duration.ofMinutes(30)))
                .rejected("rjct.notify_types.invalid", T0.plus(Duration.ofMinutes(31))));

        assertThat(store.list(crvs)).containsExactly(newer, rejected, older);
        assertThat(store.list(null)).contains(newer, rejected, older);
        assertThat(store.list(crvs)).extracting(Subscription::status)
                .containsExactly(SubscriptionStatus.PENDING, SubscriptionStatus.REJECTED, SubscriptionStatus.PENDING);
    }
}
