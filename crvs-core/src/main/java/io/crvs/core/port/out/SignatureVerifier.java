package io.crvs.core.port.out;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import java.time.Instant;

/**
 * Outgoing port: checks a received message's signature with the sender's keys, following the sender's
 * {@link io.crvs.core.domain.SignatureProfile}.
 *
 * <p>A bad, missing or unverifiable signature is a {@link Verification.Rejected} verdict with its DCI error code,
 * never an exception. Implementations are thread-safe.
 */
public interface SignatureVerifier {

    /**
     * @param sender  the registered, active sender named by the message
     * @param message the message
     * @param now     the verifier's clock, for the replay window
     * @return the verdict
     * @throws KeysUnavailableException when the sender's keys cannot be had (JWKS host down beyond the staleness
     *                                  bound): a server-side condition, answered 503, not a rejection
     */
    Verification verify(Sender sender, SignedMessage message, Instant now);
}
