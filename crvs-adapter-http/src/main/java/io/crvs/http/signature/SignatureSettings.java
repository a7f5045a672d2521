package io.crvs.http.signature;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the signature checks: the replay window of the cavage profile. Immutable, validated.
 *
 * @param futureSkew  how far in the future {@code created} may lie (clock skew between sender and us)
 * @param maxValidity the longest {@code expires - created} accepted (a signer choosing a longer life is refused,
 *                    reason {@code validity_too_long})
 */
public record SignatureSettings(Duration futureSkew, Duration maxValidity) {

    /** Default future skew: 60 s. */
    public static final Duration DEFAULT_FUTURE_SKEW = Duration.ofSeconds(60);
    /** Default maximum validity: 1 h. */
    public static final Duration DEFAULT_MAX_VALIDITY = Duration.ofHours(1);

    public SignatureSettings {
        Objects.requireNonNull(futureSkew, "futureSkew");
        Objects.requireNonNull(maxValidity, "maxValidity");
        if (futureSkew.isNegative()) {
            throw new IllegalArgumentException("futureSkew must not be negative");
        }
        if (maxValidity.isNegative() || maxValidity.isZero()) {
            throw new IllegalArgumentException("maxValidity must be positive");
        }
    }

    /** Future skew 60 s, maximum validity 1 h. */
    public static SignatureSettings defaults() {
        return new SignatureSettings(DEFAULT_FUTURE_SKEW, DEFAULT_MAX_VALIDITY);
    }
}
