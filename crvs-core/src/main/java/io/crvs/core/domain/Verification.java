package io.crvs.core.domain;

import java.util.Objects;

/** The verdict on a message's signature. A failed check is a normal answer, not an exception. */
public sealed interface Verification {

    /** The signature verifies; {@code keyId} names the key that verified it ({@code null} for profile none). */
    record Verified(String keyId) implements Verification {
    }

    /**
     * The signature is missing or not acceptable.
     *
     * @param code   the DCI error code to answer with
     * @param reason why, for logs, metrics and the error message
     * @param detail a short human explanation free of personal data
     */
    record Rejected(DciErrorCode code, RejectionReason reason, String detail) implements Verification {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        public static Rejected missing(String detail) {
            return new Rejected(DciErrorCode.SIGNATURE_MISSING, RejectionReason.MISSING, detail);
        }

        public static Rejected invalid(RejectionReason reason, String detail) {
            return new Rejected(DciErrorCode.SIGNATURE_INVALID, reason, detail);
        }
    }
}
