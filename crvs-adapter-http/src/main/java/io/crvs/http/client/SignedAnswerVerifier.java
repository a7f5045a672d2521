package io.crvs.http.client;

import io.crvs.core.domain.Sender;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsCallException.Failure;
import io.crvs.core.port.out.KeysUnavailableException;
import io.crvs.core.port.out.SenderRegistry;
import io.crvs.core.port.out.SignatureVerifier;
import io.crvs.http.codec.EnvelopeFormatException;
import io.crvs.http.codec.EnvelopeReader;
import io.crvs.http.codec.InboundEnvelope;
import io.crvs.http.server.DciRejection;
import io.crvs.http.server.SenderAuthenticator;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a signed envelope a CRVS sent back (the sync search answer) exactly as its notifies are verified: it
 * must name that CRVS as {@code header.sender_id}, the CRVS must be registered and active, and the signature must
 * verify under its profile and keys. An answer that fails is {@link Failure#UNTRUSTED} and nothing in it is used.
 * Thread-safe.
 */
final class SignedAnswerVerifier {

    private final SenderAuthenticator authenticator;

    SignedAnswerVerifier(SenderRegistry senders, SignatureVerifier verifier) {
        this.authenticator = new SenderAuthenticator(Objects.requireNonNull(senders, "senders"),
                Objects.requireNonNull(verifier, "verifier"));
    }

    /** A verified answer: its envelope and the sender it verified as. */
    record Verified(InboundEnvelope envelope, Sender sender) {
    }

    Verified verify(String crvsId, byte[] body, Instant now) {
        InboundEnvelope inbound;
        try {
            inbound = EnvelopeReader.read(body, Optional.empty());
        } catch (EnvelopeFormatException e) {
            throw new CrvsCallException(Failure.BAD_RESPONSE, crvsId, null, "the answer of CRVS " + crvsId
                    + " is not a usable envelope: " + e.getMessage(), e);
        }
        if (!crvsId.equals(inbound.header().senderId())) {
            throw new CrvsCallException(Failure.UNTRUSTED, crvsId, "err.sender_id.invalid", "the answer of CRVS "
                    + crvsId + " names another sender in header.sender_id; not trusted", null);
        }
        try {
            return new Verified(inbound, authenticator.authenticate(inbound, now));
        } catch (DciRejection e) {
            throw new CrvsCallException(Failure.UNTRUSTED, crvsId, e.code(), "the answer of CRVS " + crvsId
                    + " is not trusted: " + e.getMessage(), e);
        } catch (KeysUnavailableException e) {
            throw new CrvsCallException(Failure.UNAVAILABLE, crvsId, null, "the answer of CRVS " + crvsId
                    + " cannot be verified now: " + e.getMessage(), e);
        }
    }
}
