package io.crvs.http.signature;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import io.crvs.core.port.out.SignedMessage;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profile {@code none} (development only, set explicitly per sender): accepts every message unverified and logs
 * a warning for each one. Thread-safe.
 */
final class NoneVerifier implements ProfileVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(NoneVerifier.class);

    @Override
    public Verification verify(Sender sender, SignedMessage message, Instant now) {
        LOG.warn("Sender {} has signature profile none: message accepted WITHOUT signature verification",
                sender.senderId());
        return new Verification.Verified(null);
    }
}
