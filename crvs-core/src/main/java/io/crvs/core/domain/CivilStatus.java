package io.crvs.core.domain;

import java.util.Locale;
import java.util.Optional;

/** Civil (marital) status, the FHIR codes DCI uses: S, M, W, A, D, L, U. */
public enum CivilStatus {
    SINGLE("S"), MARRIED("M"), WIDOWED("W"), ANNULLED("A"), DIVORCED("D"), LEGALLY_SEPARATED("L"), UNKNOWN("U");

    private final String code;

    CivilStatus(String code) {
        this.code = code;
    }

    /** The one-letter DCI code. */
    public String code() {
        return code;
    }

    /** Reads a DCI code or an enum name; empty for a blank or unknown value. */
    public static Optional<CivilStatus> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        for (CivilStatus s : values()) {
            if (s.code.equals(v) || s.name().equals(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
