package io.crvs.jooq;

import io.crvs.core.domain.InvalidInputException;

/**
 * Persistence adapter helper: the NUL character, which PostgreSQL refuses in {@code text} and {@code jsonb} values.
 * Rather than fail with an SQL error, or store something other than what was given:
 * <ul>
 *   <li>a value to be stored is checked before any statement runs, and a NUL is a client error
 *       ({@link InvalidInputException}): nothing is written;</li>
 *   <li>a value to look for that holds a NUL matches nothing (no stored value can hold one);</li>
 *   <li>diagnostics the receiver writes itself (processing error messages, which may quote hostile input) have
 *       each NUL replaced by U+FFFD, so that recording a failure never fails.</li>
 * </ul>
 */
final class TextGuard {

    private TextGuard() {
    }

    /** Returns {@code value} unchanged, or throws when it holds a NUL; {@code null} passes. */
    static String checked(String field, String value) {
        if (hasNul(value)) {
            throw new InvalidInputException(field + " contains a NUL character, which cannot be stored");
        }
        return value;
    }

    /** Whether {@code value} (possibly {@code null}) holds a NUL, so that no stored value can equal it. */
    static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    /** {@code value} with every NUL replaced by U+FFFD; {@code null} stays {@code null}. */
    static String sanitized(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }
}
