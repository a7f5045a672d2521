package io.crvs.core.domain;

import java.util.Objects;

/**
 * A person identifier: a type and a value, the value kept exactly as sent (no trimming or case change, so an
 * identifier matches the registry byte for byte).
 *
 * @param type  the identifier type; not {@code null}
 * @param value the value; not blank, at most 256 characters
 */
public record Identifier(IdentifierType type, String value) {
    public static final int MAX_VALUE_LENGTH = 256;

    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new InvalidInputException("identifier value of type " + type + " is blank");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidInputException("identifier value of type " + type + " is longer than "
                    + MAX_VALUE_LENGTH + " characters");
        }
    }

    public static Identifier of(String type, String value) {
        return new Identifier(IdentifierType.of(type), value);
    }

    /** Identifier values are personal data: the string form shows the type only. */
    @Override
    public String toString() {
        return type + ":***";
    }
}
