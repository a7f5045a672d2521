package io.crvs.core.domain;

import java.util.Locale;

/** Sex as coded by DCI ({@code male|female|other|unknown}). */
public enum Sex {
    MALE, FEMALE, OTHER, UNKNOWN;

    /** Lenient read of a wire value ({@code M}, {@code female}, …); anything unrecognised is {@link #UNKNOWN}. */
    public static Sex parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "male", "m" -> MALE;
            case "female", "f" -> FEMALE;
            case "other", "o" -> OTHER;
            default -> UNKNOWN;
        };
    }
}
