package io.crvs.core.port.out;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;

/**
 * Outgoing port: fetches a sender's published public keys (its JWKS document) over the network.
 * Must be called outside any unit of work. Implementations are thread-safe and use short timeouts.
 */
public interface KeyFetcher {

    /**
     * Fetches the sender's JWKS now.
     *
     * @param sender the sender; its {@code jwksUrl} must not be {@code null}
     * @return the document, its source and the fetch time
     * @throws KeyFetchException when the host cannot be reached or the document is unusable
     */
    SenderKeys fetch(Sender sender);
}
