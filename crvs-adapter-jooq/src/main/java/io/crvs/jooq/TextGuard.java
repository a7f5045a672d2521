package io.crvs.jooq;

import io.crvs.core.domain.InvalidInputException;

/**
 * Persistence adapter helper: refuses text PostgreSQL cannot store. PostgreSQL rejects the NUL character in
 * {@code text} and {@code jsonb} values; rather than fail with an SQL error (or silently change the value), every
 * string is checked before any statement runs and a NUL is a client error ({@link InvalidInputException}).
 */
final class TextGuard {

    private TextGuard() {
    }

    /** Returns {@code value} unchanged; {@code null} passes. */
    static String checked(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(field + " contains a NUL character, which cannot be stored");
        }
        return value;
    }
}
