package io.crvs.core.port.out;

/** No subscription with that id exists. */
public final class SubscriptionNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String id;

    public SubscriptionNotFoundException(String id) {
        super("no subscription " + id);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
