package io.crvs.http.keys;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of sender key management: how long a fetched JWKS is trusted, how often it may be fetched again and
 * how the fetch itself is bounded. Immutable and validated on construction.
 *
 * @param ttl              how long a fetched JWKS counts as fresh
 * @param refreshAhead     how long before the TTL runs out a background refresh starts (less than {@code ttl};
 *                         zero disables refresh-ahead)
 * @param fetchCooldown    minimum interval between two unknown-kid refetches of one sender, and between a failed
 *                         fetch and the next attempt (a flood of random kids causes at most one fetch per cooldown)
 * @param maxStaleness     how long after the last successful fetch the keys keep working while the JWKS host is
 *                         down; beyond it the keys are unavailable (answered 503)
 * @param connectTimeout   TCP connect timeout of a fetch
 * @param readTimeout      read timeout of a fetch
 * @param maxDocumentBytes the largest JWKS document accepted
 */
public record KeySettings(Duration ttl, Duration refreshAhead, Duration fetchCooldown, Duration maxStaleness,
                          Duration connectTimeout, Duration readTimeout, int maxDocumentBytes) {

    /** Default TTL of a fetched JWKS. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    /** Default refresh-ahead window. */
    public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(1);
    /** Default fetch cooldown. */
    public static final Duration DEFAULT_FETCH_COOLDOWN = Duration.ofSeconds(30);
    /** Default staleness bound. */
    public static final Duration DEFAULT_MAX_STALENESS = Duration.ofHours(24);
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Default read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    /** Default document size limit (256 KiB). */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 256 * 1024;

    public KeySettings {
        requirePositive(ttl, "ttl");
        Objects.requireNonNull(refreshAhead, "refreshAhead");
        if (refreshAhead.isNegative() || refreshAhead.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("refreshAhead must be >= 0 and shorter than ttl");
        }
        requirePositive(fetchCooldown, "fetchCooldown");
        requirePositive(maxStaleness, "maxStaleness");
        if (maxStaleness.compareTo(ttl) < 0) {
            throw new IllegalArgumentException("maxStaleness must not be shorter than ttl");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (connectTimeout.toMillis() > Integer.MAX_VALUE || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeouts must fit in an int of milliseconds");
        }
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException("maxDocumentBytes must be positive");
        }
    }

    /** The defaults: TTL 5 min, refresh-ahead 1 min, cooldown 30 s, staleness 24 h, timeouts 2 s / 5 s, 256 KiB. */
    public static KeySettings defaults() {
        return new KeySettings(DEFAULT_TTL, DEFAULT_REFRESH_AHEAD, DEFAULT_FETCH_COOLDOWN, DEFAULT_MAX_STALENESS,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_DOCUMENT_BYTES);
    }

    /** A copy with another TTL and refresh-ahead window. */
    public KeySettings withTtl(Duration newTtl, Duration newRefreshAhead) {
        return new KeySettings(newTtl, newRefreshAhead, fetchCooldown, maxStaleness, connectTimeout, readTimeout,
                maxDocumentBytes);
    }

    /** A copy with another fetch cooldown. */
    public KeySettings withFetchCooldown(Duration cooldown) {
        return new KeySettings(ttl, refreshAhead, cooldown, maxStaleness, connectTimeout, readTimeout,
                maxDocumentBytes);
    }

    /** A copy with another staleness bound. */
    public KeySettings withMaxStaleness(Duration staleness) {
        return new KeySettings(ttl, refreshAhead, fetchCooldown, staleness, connectTimeout, readTimeout,
                maxDocumentBytes);
    }

    /** A copy with other fetch limits. */
    public KeySettings withFetchLimits(Duration connect, Duration read, int maxBytes) {
        return new KeySettings(ttl, refreshAhead, fetchCooldown, maxStaleness, connect, read, maxBytes);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
