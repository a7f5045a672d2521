package io.crvs.http.admin;

import io.crvs.core.port.in.CrvsQueryUseCase;
import io.crvs.core.port.in.SubscriptionsUseCase;
import java.util.Objects;

/**
 * What the admin API's CRVS routes work with. None may be {@code null}.
 *
 * @param lookups       verify a birth, check a death, search (also lists the configured CRVS)
 * @param subscriptions subscribe, unsubscribe, list
 * @param reconcile     runs reconciliations in the background
 */
public record CrvsAdminPorts(CrvsQueryUseCase lookups, SubscriptionsUseCase subscriptions, ReconcileJobs reconcile) {
    public CrvsAdminPorts {
        Objects.requireNonNull(lookups, "lookups");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(reconcile, "reconcile");
    }
}
