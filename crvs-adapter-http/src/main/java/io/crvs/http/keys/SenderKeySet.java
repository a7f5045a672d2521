package io.crvs.http.keys;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The usable public keys of one sender as of one successful JWKS fetch. Immutable and thread-safe.
 *
 * @param keys      usable public keys, in document order (never empty when read from a JWKS document)
 * @param skipped   the document's unusable entries, described
 * @param sourceUrl where the document came from
 * @param fetchedAt when it was fetched: the staleness bound counts from here
 * @param document  the document as fetched
 */
public record SenderKeySet(List<JWK> keys, List<String> skipped, String sourceUrl, Instant fetchedAt,
                           String document) {

    public SenderKeySet {
        keys = List.copyOf(keys);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(document, "document");
    }

    /** The keys whose {@code kid} equals {@code kid} (usually one); empty if none. */
    public List<JWK> withKid(String kid) {
        return keys.stream().filter(k -> kid.equals(k.getKeyID())).toList();
    }
}
