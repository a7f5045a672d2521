package io.crvs.jooq;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Persistence adapter helper: PostgreSQL keeps timestamps to the microsecond and rounds finer values, which could
 * push a stored time past the instant it was derived from (an event stored at {@code t} would not be due at
 * {@code t}). Every instant written is truncated here instead.
 */
final class DbTime {

    private DbTime() {
    }

    /** {@code instant} truncated to microseconds; {@code null} stays {@code null}. */
    static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
