package io.crvs.core.port.in;

import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.Subscription;
import io.crvs.core.domain.VitalEventType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: subscribe to a CRVS's events, end subscriptions, list them. Each change is audited with its actor.
 * A subscription becomes active when the CRVS's {@code on-subscribe} callback brings its code
 * ({@link SubscriptionCallbacksUseCase}).
 */
public interface SubscriptionsUseCase {

    /**
     * Stores the subscription (pending), sends it, and records the CRVS's acknowledgement.
     *
     * @return the subscription: pending (waiting for the code), or already active if the callback came first
     * @throws io.crvs.core.port.out.CrvsCallException when the CRVS cannot be reached or refuses; the stored
     *                                                 subscription is then failed or rejected
     */
    Subscription subscribe(SubscribeCommand command);

    /**
     * Sends an unsubscribe for an active subscription and records it as ending.
     *
     * @throws io.crvs.core.port.out.SubscriptionNotFoundException for an unknown id
     * @throws io.crvs.core.domain.SubscriptionConflictException    when it is not active
     * @throws io.crvs.core.port.out.CrvsCallException              when the CRVS cannot be reached or refuses;
     *                                                              the subscription stays active
     */
    Subscription unsubscribe(String id, String actor);

    /** Subscriptions, newest first; {@code crvsId} {@code null} for all. */
    List<Subscription> list(String crvsId);

    /** The subscription with that id, if any. */
    Optional<Subscription> find(String id);

    /**
     * A subscription to make.
     *
     * @param crvsId    the CRVS, or {@code null} when exactly one is configured
     * @param eventType what to be notified of
     * @param filter    which persons, or {@code null} for all
     * @param actor     who asks (audited)
     */
    record SubscribeCommand(String crvsId, VitalEventType eventType, SearchQuery filter, String actor) {
        public SubscribeCommand {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
