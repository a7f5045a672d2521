package io.crvs.core.service;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.Subscription;
import io.crvs.core.domain.SubscriptionStatus;
import io.crvs.core.port.in.SubscriptionsUseCase;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsRegistryClient;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.SubscriptionNotFoundException;
import io.crvs.core.port.out.SubscriptionStore;
import io.crvs.core.port.out.Transactions;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Use case implementation: the subscription is stored before it is sent (so the CRVS's callback always finds it),
 * the network call runs outside any unit of work, and the outcome is written afterwards from the stored state (the
 * callback may have got there first). Every change is audited.
 */
public final class SubscriptionService implements SubscriptionsUseCase {

    static final String AUDIT_SUBSCRIBE = "crvs_subscribe";
    static final String AUDIT_UNSUBSCRIBE = "crvs_unsubscribe";

    private final CrvsRegistryClient client;
    private final SubscriptionStore subscriptions;
    private final EventStore audit;
    private final Transactions transactions;
    private final InstantSource clock;
    private final Supplier<String> ids;

    /** @param ids new unique ids (transaction and reference ids), e.g. random UUIDs */
    @Inject
    public SubscriptionService(CrvsRegistryClient client, SubscriptionStore subscriptions, EventStore audit,
                               Transactions transactions, InstantSource clock, Supplier<String> ids) {
        this.client = Objects.requireNonNull(client, "client");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public Subscription subscribe(SubscribeCommand command) {
        String crvs = CrvsChoice.resolve(client.crvsIds(), command.crvsId());
        Subscription pending = Subscription.pending(ids.get(), crvs, command.eventType(), command.filter(),
                ids.get(), command.actor(), clock.instant());
        transactions.run(() -> {
            subscriptions.save(pending);
            record(AUDIT_SUBSCRIBE, command.actor(), pending, "requested");
        });
        String correlationId;
        try {
            correlationId = client.subscribe(crvs, new CrvsRegistryClient.SubscribeRequest(pending.transactionId(),
                    pending.id(), pending.eventType(), pending.filter()));
        } catch (CrvsCallException e) {
            String reason = e.failure().name().toLowerCase(java.util.Locale.ROOT)
                    + (e.code() == null ? "" : " " + e.code()) + ": " + e.getMessage();
            update(pending.id(), s -> s.status() != SubscriptionStatus.PENDING ? s
                    : e.failure() == CrvsCallException.Failure.REJECTED ? s.rejected(reason, clock.instant())
                    : s.failed(reason, clock.instant()), command.actor(), "not sent: " + reason);
            throw e;
        }
        return update(pending.id(), s -> s.acknowledged(correlationId, clock.instant()), command.actor(),
                "acknowledged");
    }

    @Override
    public Subscription unsubscribe(String id, String actor) {
        Objects.requireNonNull(actor, "actor");
        Subscription current = find(id).orElseThrow(() -> new SubscriptionNotFoundException(id));
        current.unsubscribing(clock.instant()); // refuses (conflict) anything but an active subscription
        try {
            client.unsubscribe(current.crvsId(), ids.get(), List.of(current.code()));
        } catch (CrvsCallException e) {
            transactions.run(() -> record(AUDIT_UNSUBSCRIBE, actor, current, "not sent: "
                    + e.failure().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage()));
            throw e;
        }
        return update(id, s -> s.status() == SubscriptionStatus.UNSUBSCRIBED ? s : s.unsubscribing(clock.instant()),
                actor, "unsubscribe sent");
    }

    @Override
    public List<Subscription> list(String crvsId) {
        return transactions.inTransaction(() -> subscriptions.list(crvsId));
    }

    @Override
    public Optional<Subscription> find(String id) {
        Objects.requireNonNull(id, "id");
        return transactions.inTransaction(() -> subscriptions.find(id));
    }

    /** Reads the stored subscription, applies {@code change} and saves it, in one unit of work. */
    private Subscription update(String id, java.util.function.UnaryOperator<Subscription> change, String actor,
                                String what) {
        return transactions.inTransaction(() -> {
            Subscription stored = subscriptions.find(id).orElseThrow(() -> new SubscriptionNotFoundException(id));
            Subscription next = change.apply(stored);
            if (next.equals(stored)) {
                return stored;
            }
            Subscription saved = subscriptions.save(next);
            record(next.status() == SubscriptionStatus.UNSUBSCRIBING ? AUDIT_UNSUBSCRIBE : AUDIT_SUBSCRIBE, actor,
                    saved, what);
            return saved;
        });
    }

    private void record(String action, String actor, Subscription s, String what) {
        audit.audit(new AuditEntry(null, action, null, null, actor, "subscription " + s.id() + " to "
                + s.eventType().name().toLowerCase(java.util.Locale.ROOT) + " events of " + s.crvsId() + ": " + what
                + " (" + s.status().code() + ")", clock.instant()));
    }
}
