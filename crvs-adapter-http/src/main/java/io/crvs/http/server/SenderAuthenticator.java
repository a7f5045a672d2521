package io.crvs.http.server;

import io.crvs.core.domain.DciErrorCode;
import io.crvs.core.domain.RejectionReason;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import io.crvs.core.port.out.SenderRegistry;
import io.crvs.core.port.out.SignatureVerifier;
import io.crvs.http.codec.InboundEnvelope;
import java.time.Instant;
import java.util.Objects;

/**
 * Establishes who sent a message: the sender named by {@code header.sender_id} must be registered and active,
 * and the signature must verify under that sender's profile and keys. Every failure is a 401
 * {@link DciRejection} whose message says which check failed, without repeating the claimed sender id.
 * {@link io.crvs.core.port.out.KeysUnavailableException} and
 * {@link io.crvs.core.port.out.StoreUnavailableException} pass through (they are answered 503).
 */
public final class SenderAuthenticator {

    private final SenderRegistry senders;
    private final SignatureVerifier verifier;

    public SenderAuthenticator(SenderRegistry senders, SignatureVerifier verifier) {
        this.senders = Objects.requireNonNull(senders, "senders");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * @return the registered, active sender whose signature verified
     * @throws DciRejection 401 {@code err.signature.invalid} (unknown or inactive sender, bad signature) or
     *                      {@code err.signature.missing}
     */
    public Sender authenticate(InboundEnvelope inbound, Instant now) {
        Sender sender = senders.find(inbound.header().senderId())
                .orElseThrow(() -> invalid(RejectionReason.UNKNOWN_SENDER,
                        "header.sender_id is not a registered sender"));
        if (!sender.active()) {
            throw invalid(RejectionReason.INACTIVE_SENDER, "header.sender_id names a sender that is not active");
        }
        Verification verdict = verifier.verify(sender, inbound.envelope(), now);
        if (verdict instanceof Verification.Rejected rejected) {
            throw new DciRejection(rejected.code(), rejected.reason().code(),
                    "signature rejected (" + rejected.reason().code() + "): " + rejected.detail());
        }
        return sender;
    }

    private static DciRejection invalid(RejectionReason reason, String message) {
        return new DciRejection(DciErrorCode.SIGNATURE_INVALID, reason.code(), reason.code() + ": " + message);
    }
}
