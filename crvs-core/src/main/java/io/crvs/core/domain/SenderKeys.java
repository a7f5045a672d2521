package io.crvs.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The last good JWKS document fetched for a sender, kept so that a restart can verify with the JWKS host down.
 *
 * @param jwksJson  the document as fetched
 * @param sourceUrl where it came from
 * @param fetchedAt when
 */
public record SenderKeys(String jwksJson, String sourceUrl, Instant fetchedAt) {
    public SenderKeys {
        Objects.requireNonNull(jwksJson, "jwksJson");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}
