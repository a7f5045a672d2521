package io.crvs.jooq;

import java.util.Objects;

/**
 * Persistence adapter verdict: whether the database can serve the receiver now (reachable, schema up to date),
 * and why not.
 *
 * @param ready  whether it can
 * @param detail a short explanation for operators, free of secrets
 */
public record Readiness(boolean ready, String detail) {
    public Readiness {
        Objects.requireNonNull(detail, "detail");
    }

    public static Readiness ready(String detail) {
        return new Readiness(true, detail);
    }

    public static Readiness notReady(String detail) {
        return new Readiness(false, detail);
    }
}
