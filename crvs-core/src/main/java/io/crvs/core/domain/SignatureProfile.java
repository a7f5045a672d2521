package io.crvs.core.domain;

import java.util.Locale;

/**
 * How a sender signs its messages, agreed at onboarding (DCI defines no single scheme).
 */
public enum SignatureProfile {
    /** OpenSPP: cavage-style parameter string in the {@code signature} member, Ed25519 over a Python-canonical digest. */
    DCI_CAVAGE_ED25519("dci-cavage-ed25519"),
    /** OpenCRVS: compact JWS in the {@code signature} member whose payload equals {header, message}. */
    JWS_COMPACT("jws-compact"),
    /** OpenG2P: detached JWS over the raw body in the HTTP {@code Signature} header. */
    JWS_DETACHED_HEADER("jws-detached-header"),
    /** No signature (development only; every message is logged as a warning). */
    NONE("none");

    private final String code;

    SignatureProfile(String code) {
        this.code = code;
    }

    /** The profile's name on the wire and in configuration. */
    public String code() {
        return code;
    }

    /** Reads a profile name ({@code dci-cavage-ed25519}, …) or enum name. */
    public static SignatureProfile parse(String value) {
        if (value != null) {
            String v = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (SignatureProfile p : values()) {
                if (p.code.equals(v)) {
                    return p;
                }
            }
        }
        throw new InvalidInputException("unknown signature profile: " + value
                + " (expected dci-cavage-ed25519, jws-compact, jws-detached-header or none)");
    }
}
