package io.crvs.core.domain;

import java.util.Locale;

/**
 * What an API user may do, as in the seed system: {@link #ADMIN} has full access; {@link #USER} may read, create
 * and update events (retry, notes) but not delete them, and may only read senders.
 */
public enum Role {
    ADMIN, USER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        if (value != null) {
            for (Role r : values()) {
                if (r.code().equalsIgnoreCase(value.strip())) {
                    return r;
                }
            }
        }
        throw new InvalidInputException("unknown role: " + value + " (expected admin or user)");
    }
}
