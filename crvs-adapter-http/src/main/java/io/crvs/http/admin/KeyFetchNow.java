package io.crvs.http.admin;

import io.crvs.core.domain.Sender;
import io.crvs.http.keys.KeyFetchSummary;

/**
 * The operator's "fetch keys now": fetches a sender's JWKS at once and records the result (the app passes
 * {@code SenderKeyCache::fetchNow}). Implementations are thread-safe.
 */
@FunctionalInterface
public interface KeyFetchNow {

    /**
     * @param sender the sender; has a JWKS URL
     * @return the keys it publishes now
     * @throws io.crvs.core.port.out.KeyFetchException        when the host cannot be reached or the document is
     *                                                      unusable (answered 502 {@code key_fetch_failed})
     * @throws io.crvs.core.port.out.KeysUnavailableException when the keys cannot be had (also 502)
     */
    KeyFetchSummary fetchNow(Sender sender);
}
