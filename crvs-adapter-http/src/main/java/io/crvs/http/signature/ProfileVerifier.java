package io.crvs.http.signature;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import io.crvs.core.port.out.SignedMessage;
import java.time.Instant;

/** One signature profile's check, as {@link ProfileSignatureVerifier} dispatches to it. Thread-safe. */
interface ProfileVerifier {

    /** Same contract as {@link io.crvs.core.port.out.SignatureVerifier#verify}. */
    Verification verify(Sender sender, SignedMessage message, Instant now);
}
