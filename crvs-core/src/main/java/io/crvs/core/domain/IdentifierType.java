package io.crvs.core.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Type of a person identifier. The DCI codes {@link #BRN} (birth registration number), {@link #DRN} (death),
 * {@link #MRN} (marriage) and {@link #UIN} (national id) are constants; any other code a CRVS uses
 * ({@code NID}, {@code OPENCRVS_RECORD_ID}) is kept as given, upper-cased.
 *
 * @param code the code; not blank, at most 64 characters
 */
public record IdentifierType(String code) {
    public static final IdentifierType BRN = new IdentifierType("BRN");
    public static final IdentifierType DRN = new IdentifierType("DRN");
    public static final IdentifierType MRN = new IdentifierType("MRN");
    public static final IdentifierType UIN = new IdentifierType("UIN");

    public IdentifierType {
        Objects.requireNonNull(code, "code");
        code = code.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty() || code.length() > 64) {
            throw new InvalidInputException("identifier type must have 1 to 64 characters");
        }
    }

    public static IdentifierType of(String code) {
        return new IdentifierType(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
