package io.crvs.core.domain;

import java.util.Locale;

/** Why a signature was rejected; the lower-case codes match the interop manifest's reasons. */
public enum RejectionReason {
    MISSING, MALFORMED, ALG_NOT_ALLOWED, CRIT_UNSUPPORTED, UNKNOWN_KID, KID_SENDER_MISMATCH, KEY_USE_MISMATCH,
    BAD_SIGNATURE, PAYLOAD_MISMATCH, EXPIRED, FUTURE, VALIDITY_TOO_LONG, UNKNOWN_SENDER, INACTIVE_SENDER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
