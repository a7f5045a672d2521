package io.crvs.http.keys;

import io.crvs.core.domain.Sender;
import io.crvs.core.port.out.KeysUnavailableException;

/**
 * Where the signature verifiers get a sender's public keys. Implementations cache, refresh and tolerate outages
 * of the sender's JWKS host within a bound, and are thread-safe.
 */
public interface VerificationKeySource {

    /**
     * The sender's current usable keys, fetching them when none are cached or the cached ones expired.
     *
     * @param sender the sender; must not be {@code null} and must have a JWKS URL
     * @return the keys; never {@code null}
     * @throws KeysUnavailableException when no keys were ever had, or the last good ones are older than the
     *                                  staleness bound and the host cannot be reached
     */
    SenderKeySet keysFor(Sender sender);

    /**
     * Called when a message names a key the current set does not have (or no key of the set verifies a message
     * without kid): refetches the JWKS at most once per cooldown per sender, so that a key rotation is picked up
     * at once while a flood of random kids cannot hammer the sender's host.
     *
     * @param sender the sender; must not be {@code null} and must have a JWKS URL
     * @return the newest keys (the same set when no refetch was allowed or it failed); never {@code null}
     * @throws KeysUnavailableException as {@link #keysFor(Sender)}
     */
    SenderKeySet refetchForUnknownKey(Sender sender);
}
