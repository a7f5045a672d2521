package io.crvs.http.signature;

import com.nimbusds.jose.util.Base64URL;
import io.crvs.core.domain.RejectionReason;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import io.crvs.core.domain.Verification.Rejected;
import io.crvs.core.port.out.SignedMessage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Profile {@code jws-detached-header} (OpenG2P): the HTTP {@code Signature} header carries
 * {@code <protected>..<signature>}, a JWS whose payload is the exact raw request body (signing input
 * {@code protected + "." + base64url(rawBody)}); the body is never re-serialised and need not even be JSON for
 * this check. A signature in the body's {@code signature} member does not count: the sender is pinned to this
 * profile. Default allow-list RS256. Thread-safe.
 */
final class JwsDetachedVerifier implements ProfileVerifier {

    static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256");

    private final JwsVerification jws;

    JwsDetachedVerifier(JwsVerification jws) {
        this.jws = Objects.requireNonNull(jws, "jws");
    }

    @Override
    public Verification verify(Sender sender, SignedMessage message, Instant now) {
        Optional<String> header = message.signatureHeader().map(String::strip).filter(s -> !s.isEmpty());
        if (header.isEmpty()) {
            return Rejected.missing("the Signature HTTP header is missing");
        }
        String[] parts = header.get().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return Rejected.invalid(RejectionReason.MALFORMED, "Signature header is not a detached JWS");
        }
        return jws.verify(sender, DEFAULT_ALGORITHMS, parts[0], Base64URL.encode(message.rawBody()).toString(),
                parts[2]);
    }
}
