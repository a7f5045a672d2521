package io.crvs.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: a state change of an event or an administrative action.
 *
 * @param eventId the event concerned, or {@code null} for an action on something else (a sender)
 * @param action  what happened ({@code claim}, {@code complete}, {@code fail}, {@code retry}, {@code note}, …)
 * @param from    state before, or {@code null}
 * @param to      state after, or {@code null}
 * @param actor   who did it ({@code system}, {@code worker}, an API user's name)
 * @param reason  why, or {@code null}
 * @param at      when
 */
public record AuditEntry(EventId eventId, String action, EventState from, EventState to, String actor,
                         String reason, Instant at) {
    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
