package io.crvs.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.RetryPolicy;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.Subscription;
import io.crvs.core.domain.SubscriptionStatus;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.in.SubscriptionsUseCase.SubscribeCommand;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.ProcessingObserver;
import io.crvs.core.service.ProcessDueEventsService;
import io.crvs.core.spi.HandlerRegistry;
import io.crvs.http.testing.MockCrvs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscribe and unsubscribe against the mock CRVS: its on-subscribe / on-unsubscribe callbacks update our stored
 * subscriptions; a notify it pushes later is received, stored and applied by the workers' use case.
 */
class SubscriptionsOverHttpTest {
    static final String CRVS = "crvs.sub.example";
    static final Identifier UIN = Identifier.of("UIN", "U-900");

    @TempDir
    Path tmp;

    private OutboundFixture f;

    @BeforeEach
    void start() {
        f = new OutboundFixture(new MockCrvs(CRVS), tmp.resolve("keys"));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Subscription subscribeToDeaths() {
        return f.subscribing.subscribe(new SubscribeCommand(null, VitalEventType.DEATH, SearchQuery.identifier(UIN),
                "ada"));
    }

    /** Polls (the callback runs on the CRVS's own thread) until the condition holds, at most 20 s. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void givenTheCallbackBeforeTheAck_subscribe_returnsTheActiveSubscriptionWithItsCode() {
        f.crvs.callbacksBeforeAck(true);

        Subscription s = subscribeToDeaths();

        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.code()).isEqualTo("SUB-1");
        assertThat(s.correlationId()).isEqualTo("corr-" + s.transactionId());
        JsonNode criteria = f.crvs.subscriptions.get("SUB-1").path("subscribe_criteria");
        assertThat(criteria.path("reg_event_type").asText()).isEqualTo("death");
        assertThat(criteria.path("filter_type").asText()).isEqualTo("idtype-value");
        assertThat(criteria.path("filter").path("value").asText()).isEqualTo(UIN.value());
        JsonNode header = f.crvs.requestsTo("/subscribe").get(0).body().path("header");
        assertThat(header.path("sender_uri").asText()).isEqualTo(f.callbackBase() + "/on-subscribe");
    }

    @Test
    void givenTheCallbackAfterTheAck_theSubscriptionTurnsActiveWhenItArrives() throws Exception {
        Subscription s = subscribeToDeaths();

        eventually(() -> f.subscriptions.find(s.id()).orElseThrow().status() == SubscriptionStatus.ACTIVE);
        assertThat(f.subscriptions.find(s.id()).orElseThrow().code()).isEqualTo("SUB-1");
    }

    @Test
    void afterSubscribing_aNotifyTheCrvsPushes_isReceivedAndApplied() throws Exception {
        f.crvs.callbacksBeforeAck(true);
        subscribeToDeaths();
        RegistryPerson person = f.partners.add(RegistryPerson.newPerson(null, null, List.of(UIN)));

        int status = f.crvs.pushNotify(f.notifyUrl(), "spdci-common:RegistryEventType:Death",
                MockCrvs.person("Orin", "P", "1941-07-01", "UIN", UIN.value(), "DRN", "D-900")
                        .put("death_date", "2026-01-05"));
        new ProcessDueEventsService(f.events, f.partners, f.tx, HandlerRegistry.defaults(),
                new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1), 0),
                Duration.ofSeconds(30), InstantSource.system(), RandomGenerator.of("L64X128MixRandom"),
                ProcessingObserver.NONE).processDue(10);

        assertThat(status).isEqualTo(202);
        List<VitalEvent> events = f.events.list(EventFilter.all().withSender(CRVS), PageRequest.first(10)).items();
        assertThat(events).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(VitalEventType.DEATH));
        RegistryPerson updated = f.partners.find(person.id()).orElseThrow();
        assertThat(updated.deceased()).isTrue();
        assertThat(updated.deathDate()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void unsubscribe_isConfirmedByTheOnUnsubscribeCallback() {
        f.crvs.callbacksBeforeAck(true);
        Subscription s = subscribeToDeaths();

        Subscription ended = f.subscribing.unsubscribe(s.id(), "ada");

        assertThat(ended.status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
        assertThat(f.crvs.subscriptions).isEmpty();
        assertThat(f.crvs.requestsTo("/unsubscribe").get(0).body().path("message").path("subscription_codes")
                .get(0).asText()).isEqualTo("SUB-1");
    }

    @Test
    void anErrAck_leavesTheSubscriptionRejectedWithTheCode() {
        f.crvs.mode(MockCrvs.Mode.ERR_ACK);
        f.crvs.errCode("err.request.forbidden");

        assertThatThrownBy(this::subscribeToDeaths).isInstanceOfSatisfying(CrvsCallException.class,
                e -> assertThat(e.code()).isEqualTo("err.request.forbidden"));

        Subscription stored = f.subscriptions.list(CRVS).get(0);
        assertThat(stored.status()).isEqualTo(SubscriptionStatus.REJECTED);
        assertThat(stored.statusReason()).contains("err.request.forbidden");
    }

    @Test
    void theCrvsDown_leavesTheSubscriptionFailed() {
        f.crvs.close();

        assertThatThrownBy(this::subscribeToDeaths).isInstanceOfSatisfying(CrvsCallException.class,
                e -> assertThat(e.failure()).isEqualTo(CrvsCallException.Failure.UNAVAILABLE));

        assertThat(f.subscriptions.list(CRVS).get(0).status()).isEqualTo(SubscriptionStatus.FAILED);
    }
}
