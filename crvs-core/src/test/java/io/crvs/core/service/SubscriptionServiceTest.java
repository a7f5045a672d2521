package io.crvs.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.Subscription;
import io.crvs.core.domain.SubscriptionConflictException;
import io.crvs.core.domain.SubscriptionStatus;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.in.SubscriptionCallbacksUseCase.SubscribeOutcome;
import io.crvs.core.port.in.SubscriptionCallbacksUseCase.UnsubscribeOutcome;
import io.crvs.core.port.in.SubscriptionsUseCase.SubscribeCommand;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.SubscriptionNotFoundException;
import io.crvs.core.testing.InMemoryEventStore;
import io.crvs.core.testing.InMemorySubscriptionStore;
import io.crvs.core.testing.InMemoryTransactions;
import io.crvs.core.testing.MutableClock;
import io.crvs.core.testing.StubCrvsRegistryClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubscriptionServiceTest {
    private static final String CRVS = "crvs.gov.example";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    private final StubCrvsRegistryClient client = new StubCrvsRegistryClient(CRVS, "other.crvs");
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryTransactions tx = new InMemoryTransactions(store, events);
    private final AtomicInteger seq = new AtomicInteger();
    private final SubscriptionService service = new SubscriptionService(client, store, events, tx, clock,
            () -> "id-" + seq.incrementAndGet());
    private final SubscriptionCallbackService callbacks = new SubscriptionCallbackService(store, events, tx, clock);

    private Subscription subscribe() {
        return service.subscribe(new SubscribeCommand(CRVS, VitalEventType.DEATH,
                SearchQuery.identifier(Identifier.of("UIN", "U-1")), "ada"));
    }

    @Test
    void subscribe_storesPendingSendsItAndKeepsTheAck() {
        Subscription s = subscribe();

        assertThat(s.status()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(s.correlationId()).isEqualTo("ack-" + s.id());
        assertThat(client.subscribes).singleElement().satisfies(r -> {
            assertThat(r.referenceId()).isEqualTo(s.id());
            assertThat(r.transactionId()).isEqualTo(s.transactionId());
            assertThat(r.eventType()).isEqualTo(VitalEventType.DEATH);
            assertThat(r.filter()).isEqualTo(s.filter());
        });
        assertThat(store.find(s.id())).contains(s);
        assertThat(events.auditTrail()).extracting(AuditEntry::actor).containsOnly("ada");
    }

    @Test
    void givenTheCallbackBeforeTheAck_subscribe_endsActive() {
        client.beforeAck(() -> {
            Subscription stored = store.list(CRVS).get(0);
            callbacks.subscribed(CRVS, stored.transactionId(),
                    List.of(new SubscribeOutcome(stored.id(), true, "SUB-9", null)));
        });

        Subscription s = subscribe();

        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.code()).isEqualTo("SUB-9");
    }

    @Test
    void givenTheCrvsDown_subscribe_throwsAndRecordsFailed_andALateCallbackStillActivatesIt() {
        client.failWith(() -> new CrvsCallException(CrvsCallException.Failure.TIMEOUT, CRVS, "no answer in 2 s"));

        assertThatThrownBy(this::subscribe).isInstanceOfSatisfying(CrvsCallException.class,
                e -> assertThat(e.failure()).isEqualTo(CrvsCallException.Failure.TIMEOUT));

        Subscription failed = store.list(CRVS).get(0);
        assertThat(failed.status()).isEqualTo(SubscriptionStatus.FAILED);
        assertThat(failed.statusReason()).contains("timeout");
        assertThat(callbacks.subscribed(CRVS, failed.transactionId(),
                List.of(new SubscribeOutcome(failed.id(), true, "LATE-1", null)))).isEqualTo(1);
        assertThat(store.find(failed.id()).orElseThrow().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void givenAnErrAck_subscribe_recordsRejectedWithTheCode() {
        client.failWith(() -> new CrvsCallException(CrvsCallException.Failure.REJECTED, CRVS,
                "err.request.unauthorized", "ERR", null));

        assertThatThrownBy(this::subscribe).isInstanceOf(CrvsCallException.class);

        assertThat(store.list(CRVS).get(0).status()).isEqualTo(SubscriptionStatus.REJECTED);
        assertThat(store.list(CRVS).get(0).statusReason()).contains("err.request.unauthorized");
    }

    @Test
    void callbacks_fromAnotherCrvsOrTransaction_areIgnored_andRejectionsRecorded() {
        Subscription s = subscribe();

        assertThat(callbacks.subscribed("other.crvs", s.transactionId(),
                List.of(new SubscribeOutcome(s.id(), true, "X", null)))).isZero();
        assertThat(callbacks.subscribed(CRVS, "another-txn",
                List.of(new SubscribeOutcome(s.id(), true, "X", null)))).isZero();
        assertThat(callbacks.subscribed(CRVS, s.transactionId(),
                List.of(new SubscribeOutcome(s.id(), false, null, "rjct.event.already_subscribed")))).isEqualTo(1);

        Subscription stored = store.find(s.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(SubscriptionStatus.REJECTED);
        assertThat(stored.statusReason()).isEqualTo("rjct.event.already_subscribed");
    }

    @Test
    void unsubscribe_sendsTheCode_andTheCallbackEndsIt_idempotently() {
        Subscription s = subscribe();
        callbacks.subscribed(CRVS, s.transactionId(), List.of(new SubscribeOutcome(s.id(), true, "SUB-1", null)));

        Subscription ending = service.unsubscribe(s.id(), "ada");

        assertThat(ending.status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBING);
        assertThat(client.unsubscribes).containsExactly(List.of("SUB-1"));
        List<UnsubscribeOutcome> done = List.of(new UnsubscribeOutcome("SUB-1", true, null));
        assertThat(callbacks.unsubscribed(CRVS, done)).isEqualTo(1);
        assertThat(callbacks.unsubscribed(CRVS, done)).isZero();
        assertThat(store.find(s.id()).orElseThrow().status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    }

    @Test
    void givenARefusedUnsubscribe_theSubscriptionStaysActive() {
        Subscription s = subscribe();
        callbacks.subscribed(CRVS, s.transactionId(), List.of(new SubscribeOutcome(s.id(), true, "SUB-1", null)));
        service.unsubscribe(s.id(), "ada");

        callbacks.unsubscribed(CRVS, List.of(new UnsubscribeOutcome("SUB-1", false, "rjct.requester.invalid")));

        assertThat(store.find(s.id()).orElseThrow().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void unsubscribe_ofAPendingOrUnknownSubscription_isRefusedWithoutACall() {
        Subscription s = subscribe();

        assertThatThrownBy(() -> service.unsubscribe(s.id(), "ada")).isInstanceOf(SubscriptionConflictException.class);
        assertThatThrownBy(() -> service.unsubscribe("nope", "ada")).isInstanceOf(SubscriptionNotFoundException.class);
        assertThat(client.unsubscribes).isEmpty();
    }

    @Test
    void givenTheCrvsDown_unsubscribe_throwsAndKeepsItActive() {
        Subscription s = subscribe();
        callbacks.subscribed(CRVS, s.transactionId(), List.of(new SubscribeOutcome(s.id(), true, "SUB-1", null)));
        client.failWith(() -> new CrvsCallException(CrvsCallException.Failure.UNAVAILABLE, CRVS, "refused"));

        assertThatThrownBy(() -> service.unsubscribe(s.id(), "ada")).isInstanceOf(CrvsCallException.class);

        assertThat(store.find(s.id()).orElseThrow().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(events.auditTrail()).anySatisfy(a -> assertThat(a.reason()).contains("not sent: unavailable"));
    }
}
