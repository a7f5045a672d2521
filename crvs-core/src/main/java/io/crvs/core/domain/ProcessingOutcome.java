package io.crvs.core.domain;

/** How a processed event ended. */
public enum ProcessingOutcome {
    /** The registry person was changed. */
    APPLIED,
    /** The registry person already reflected the event (a redelivery or double application). */
    ALREADY_APPLIED,
    /** The person's civil status was set by a newer event; this older one changes nothing. */
    SUPERSEDED,
    /** The event type has no handler (fetal death, adoption, …); recorded, nothing changed. */
    UNSUPPORTED;

    /** Lower-case code as stored and shown. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ProcessingOutcome parse(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
