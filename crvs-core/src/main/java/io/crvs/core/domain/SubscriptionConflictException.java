package io.crvs.core.domain;

/**
 * A subscription cannot make the change asked of it in its current status (unsubscribing one the CRVS has not
 * confirmed, confirming one already unsubscribed). Adapters answer it as a conflict (409), never a server fault.
 */
public final class SubscriptionConflictException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final SubscriptionStatus status;

    public SubscriptionConflictException(SubscriptionStatus status, String action) {
        super("cannot " + action + " a subscription in status " + status.code());
        this.status = status;
    }

    /** The subscription's status when the change was refused. */
    public SubscriptionStatus status() {
        return status;
    }
}
