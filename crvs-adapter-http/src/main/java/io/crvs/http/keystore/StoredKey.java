package io.crvs.http.keystore;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What the key store tells about one of our keys: never the private part.
 *
 * @param kid            the key id as published and as named in signatures ({@code sender|key|ed25519})
 * @param createdAt      when it was generated
 * @param retiredAt      when a rotation replaced it, or {@code null} while it is the signing key
 * @param publishedUntil until when its public key stays in our JWKS ({@code retiredAt + overlap}), or
 *                       {@code null} while it is the signing key
 * @param status         its status at the time the store was read
 */
public record StoredKey(String kid, Instant createdAt, Instant retiredAt, Instant publishedUntil, Status status) {

    /** Where a key is in its life. */
    public enum Status {
        /** Signs our requests and is published. */
        ACTIVE,
        /** Replaced by a rotation, still published so that messages it signed keep verifying. */
        RETIRED,
        /** Replaced and past its overlap: no longer published. */
        EXPIRED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StoredKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
    }

    /** Whether its public key is in our JWKS. */
    public boolean published() {
        return status != Status.EXPIRED;
    }
}
