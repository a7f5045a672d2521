package io.crvs.core.domain;

import java.util.Locale;

/**
 * Life cycle of a subscription to a CRVS's events (DCI subscribe, reference §7.3):
 * {@code PENDING} (sent, acknowledged or not yet, waiting for {@code on-subscribe}) → {@code ACTIVE} (the CRVS gave
 * its subscription code) or {@code REJECTED}; {@code FAILED} when the request could not be delivered (a late
 * {@code on-subscribe} still activates it); {@code ACTIVE} → {@code UNSUBSCRIBING} (unsubscribe sent) →
 * {@code UNSUBSCRIBED}.
 */
public enum SubscriptionStatus {
    PENDING, ACTIVE, REJECTED, FAILED, UNSUBSCRIBING, UNSUBSCRIBED;

    /** Lower-case code as stored and shown. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a code or enum name. */
    public static SubscriptionStatus parse(String code) {
        if (code != null) {
            for (SubscriptionStatus s : values()) {
                if (s.code().equalsIgnoreCase(code.strip())) {
                    return s;
                }
            }
        }
        throw new InvalidInputException("unknown subscription status: " + code);
    }
}
