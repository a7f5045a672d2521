package io.crvs.http.keys;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of an operator's "Fetch Public Key": which keys the sender publishes now.
 *
 * @param senderId  the sender
 * @param sourceUrl where the JWKS was fetched from
 * @param fetchedAt when
 * @param keys      the usable keys
 * @param skipped   the entries that cannot be used, described
 */
public record KeyFetchSummary(String senderId, String sourceUrl, Instant fetchedAt, List<KeySummary> keys,
                              List<String> skipped) {
    public KeyFetchSummary {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        keys = List.copyOf(keys);
        skipped = List.copyOf(skipped);
    }

    static KeyFetchSummary of(String senderId, SenderKeySet set) {
        return new KeyFetchSummary(senderId, set.sourceUrl(), set.fetchedAt(),
                set.keys().stream().map(KeySummary::of).toList(), set.skipped());
    }
}
