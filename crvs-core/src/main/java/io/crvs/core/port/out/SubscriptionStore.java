package io.crvs.core.port.out;

import io.crvs.core.domain.Subscription;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing persistence port: our subscriptions to CRVS events, with their codes and status.
 *
 * <p>Contract (checked by {@code AbstractSubscriptionStoreContract}): {@link #save} inserts or replaces by
 * {@link Subscription#id()}; a subscription code is unique per CRVS. No parameter may be {@code null} unless
 * stated. Implementations are thread-safe, join the caller's {@link Transactions unit of work}, and throw
 * {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface SubscriptionStore {

    /**
     * Stores the subscription, replacing the one with the same id.
     *
     * @return the subscription as stored
     * @throws io.crvs.core.domain.InvalidInputException when another subscription of the same CRVS already has
     *                                                   its code, or a value cannot be stored
     */
    Subscription save(Subscription subscription);

    /** The subscription with that id, if any. */
    Optional<Subscription> find(String id);

    /** The subscription of that CRVS with that code, if any. */
    Optional<Subscription> findByCode(String crvsId, String code);

    /**
     * Subscriptions, newest first.
     *
     * @param crvsId only those of this CRVS, or {@code null} for all
     */
    List<Subscription> list(String crvsId);
}
