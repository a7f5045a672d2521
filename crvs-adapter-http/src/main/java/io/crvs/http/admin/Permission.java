package io.crvs.http.admin;

import io.crvs.core.domain.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a route needs, mapped to the roles that have it as in the seed system: every role reads everything and
 * creates and updates events (retries, notes) and may ask a CRVS (verify a birth, check a death, search); only
 * {@code admin} changes senders, subscriptions and starts reconciliations. Nothing deletes events: they are the
 * audit log.
 */
enum Permission {
    /** Read anything (events, stats, senders, keys, persons). */
    READ(EnumSet.of(Role.ADMIN, Role.USER)),
    /** Create and update events: add a note, retry one or many. */
    WRITE_EVENTS(EnumSet.of(Role.ADMIN, Role.USER)),
    /** Create, update or delete a sender, fetch its keys. */
    MANAGE_SENDERS(EnumSet.of(Role.ADMIN)),
    /** Subscribe to or unsubscribe from a CRVS's events, run a reconciliation (they change what reaches us). */
    MANAGE_CRVS(EnumSet.of(Role.ADMIN));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = roles;
    }

    boolean allows(Role role) {
        return roles.contains(role);
    }
}
