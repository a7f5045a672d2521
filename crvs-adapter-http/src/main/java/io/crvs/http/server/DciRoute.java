package io.crvs.http.server;

import java.util.Locale;

/**
 * The DCI endpoints this receiver hosts under each base path, with the {@code header.action} each one requires.
 * Only {@link #NOTIFY} carries vital events; the callbacks are verified, stored raw and acknowledged.
 */
public enum DciRoute {
    NOTIFY("/notify", "notify", true),
    ON_SEARCH("/on-search", "on-search", false),
    ON_SUBSCRIBE("/on-subscribe", "on-subscribe", false),
    ON_UNSUBSCRIBE("/on-unsubscribe", "on-unsubscribe", false),
    TXN_ON_STATUS("/txn/on-status", "txn-on-status", false);

    private final String path;
    private final String action;
    private final boolean carriesEvents;

    DciRoute(String path, String action, boolean carriesEvents) {
        this.path = path;
        this.action = action;
        this.carriesEvents = carriesEvents;
    }

    /** The path below the base path ({@code /notify}). */
    public String path() {
        return path;
    }

    /** The canonical {@code header.action} ({@code txn-on-status}). */
    public String action() {
        return action;
    }

    /** Whether the message holds vital events to read and queue. */
    public boolean carriesEvents() {
        return carriesEvents;
    }

    /**
     * Whether a header action names this endpoint. Case, {@code _} for {@code -} and {@code /} for {@code -}
     * ({@code txn/on-status}, {@code ON_SEARCH}) are tolerated; nothing else.
     */
    public boolean accepts(String headerAction) {
        return headerAction != null && action.equals(headerAction.strip().toLowerCase(Locale.ROOT)
                .replace('_', '-').replace('/', '-'));
    }
}
