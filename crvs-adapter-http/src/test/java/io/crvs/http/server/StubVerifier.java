package io.crvs.http.server;

import io.crvs.core.domain.RejectionReason;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import io.crvs.core.port.out.SignatureVerifier;
import io.crvs.core.port.out.SignedMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * Test double of the {@link SignatureVerifier} port: a signature (envelope member or HTTP header) equal to
 * {@link #VALID} verifies, none is missing, anything else is a bad signature. Can be told to throw, and records
 * the thread it ran on and what it was given.
 */
final class StubVerifier implements SignatureVerifier {

    static final String VALID = "valid-signature";

    volatile RuntimeException failure;
    volatile String lastThread;
    volatile SignedMessage lastMessage;
    volatile Instant lastNow;

    @Override
    public Verification verify(Sender sender, SignedMessage message, Instant now) {
        lastThread = Thread.currentThread().getName();
        lastMessage = message;
        lastNow = now;
        if (failure != null) {
            throw failure;
        }
        Optional<String> signature = message.signatureMember().or(message::signatureHeader).filter(s -> !s.isBlank());
        if (signature.isEmpty()) {
            return Verification.Rejected.missing("no signature in the envelope or the Signature header");
        }
        return signature.get().equals(VALID) ? new Verification.Verified("k-1")
                : Verification.Rejected.invalid(RejectionReason.BAD_SIGNATURE, "signature does not verify");
    }
}
