package io.crvs.core.service;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.Subscription;
import io.crvs.core.domain.SubscriptionConflictException;
import io.crvs.core.domain.SubscriptionStatus;
import io.crvs.core.port.in.SubscriptionCallbacksUseCase;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.SubscriptionStore;
import io.crvs.core.port.out.Transactions;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case implementation: applies {@code on-subscribe} / {@code on-unsubscribe} outcomes in one unit of work.
 * An outcome is applied only to a subscription of the CRVS that sent the callback (and, for on-subscribe, of the
 * same transaction); one that contradicts the subscription's status (a confirmation of an ended subscription) is
 * skipped and audited, never thrown back at the CRVS.
 */
public final class SubscriptionCallbackService implements SubscriptionCallbacksUseCase {

    static final String ACTOR = "crvs-callback";

    private final SubscriptionStore subscriptions;
    private final EventStore audit;
    private final Transactions transactions;
    private final InstantSource clock;

    @Inject
    public SubscriptionCallbackService(SubscriptionStore subscriptions, EventStore audit, Transactions transactions,
                                       InstantSource clock) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int subscribed(String crvsId, String transactionId, List<SubscribeOutcome> outcomes) {
        return transactions.inTransaction(() -> {
            int changed = 0;
            for (SubscribeOutcome o : outcomes) {
                Optional<Subscription> s = subscriptions.find(o.referenceId())
                        .filter(x -> x.crvsId().equals(crvsId) && x.transactionId().equals(transactionId));
                if (s.isPresent() && apply(s.get(), o.accepted() ? x -> x.confirmed(o.code(), clock.instant())
                        : x -> x.rejected(reason(o.reason()), clock.instant()))) {
                    changed++;
                }
            }
            return changed;
        });
    }

    @Override
    public int unsubscribed(String crvsId, List<UnsubscribeOutcome> outcomes) {
        return transactions.inTransaction(() -> {
            int changed = 0;
            for (UnsubscribeOutcome o : outcomes) {
                Optional<Subscription> s = subscriptions.findByCode(crvsId, o.code());
                if (s.isPresent() && apply(s.get(), o.accepted() ? x -> x.unsubscribed(clock.instant())
                        : x -> x.unsubscribeRefused(reason(o.reason()), clock.instant()))) {
                    changed++;
                }
            }
            return changed;
        });
    }

    /** Applies one change; returns whether the subscription changed. */
    private boolean apply(Subscription current, java.util.function.UnaryOperator<Subscription> change) {
        Subscription next;
        try {
            next = change.apply(current);
        } catch (SubscriptionConflictException e) {
            record(current, "callback ignored: " + e.getMessage());
            return false;
        }
        if (next.equals(current)) {
            return false;
        }
        subscriptions.save(next);
        record(next, next.status() == SubscriptionStatus.ACTIVE && next.code() != null
                ? "confirmed by the CRVS" : "updated by the CRVS");
        return true;
    }

    private void record(Subscription s, String what) {
        audit.audit(new AuditEntry(null, "crvs_subscription_callback", null, null, ACTOR, "subscription " + s.id()
                + " to " + s.eventType().name().toLowerCase(Locale.ROOT) + " events of " + s.crvsId() + ": " + what
                + " (" + s.status().code() + ")", clock.instant()));
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "refused by the CRVS" : reason;
    }
}
