package io.crvs.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a failed event is retried automatically: exponential backoff with jitter, up to {@code maxAttempts}
 * claims; a {@code no_match} is retried for {@code noMatchWindow} after the event was received (a death may
 * arrive before the birth it refers to), whatever the attempt count. Non-retryable failures wait for an operator.
 *
 * @param maxAttempts    claims after which a retryable failure stays in error (≥ 1)
 * @param initialBackoff delay after the first failure
 * @param maxBackoff     the longest delay
 * @param noMatchWindow  how long after receipt a {@code no_match} keeps being retried
 * @param jitter         fraction (0 to 1) by which a delay is randomly shortened or lengthened
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration noMatchWindow,
                          double jitter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new InvalidInputException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(noMatchWindow, "noMatchWindow");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new InvalidInputException("backoff must satisfy 0 <= initial <= max");
        }
        if (jitter < 0 || jitter > 1) {
            throw new InvalidInputException("jitter must be between 0 and 1");
        }
    }

    /** 8 attempts, 5 s doubling to 15 min, no-match window 7 days, 20 % jitter. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofDays(7), 0.2);
    }

    /**
     * When to retry an event that just failed, or {@code null} to leave it for an operator.
     *
     * @param event     the event as claimed (its attempts count this try)
     * @param errorCode the failure's code
     * @param retryable whether the failure may go away by itself
     */
    public Instant nextAttempt(VitalEvent event, String errorCode, boolean retryable, Instant now,
                               RandomGenerator random) {
        if (!retryable) {
            return null;
        }
        boolean noMatch = ErrorCodes.NO_MATCH.equals(errorCode);
        if (noMatch ? !now.isBefore(event.receivedAt().plus(noMatchWindow)) : event.attempts() >= maxAttempts) {
            return null;
        }
        return now.plus(delay(event.attempts(), random));
    }

    /** Backoff before the retry that follows attempt number {@code attempt} (1-based). */
    public Duration delay(int attempt, RandomGenerator random) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long base = initialBackoff.toMillis();
        long millis = base > (maxBackoff.toMillis() >> doublings) ? maxBackoff.toMillis()
                : Math.min(maxBackoff.toMillis(), base << doublings);
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(millis * factor)));
    }
}
