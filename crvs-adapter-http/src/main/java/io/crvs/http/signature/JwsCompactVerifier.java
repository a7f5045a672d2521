package io.crvs.http.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.util.Base64URL;
import io.crvs.core.domain.RejectionReason;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import io.crvs.core.domain.Verification.Rejected;
import io.crvs.core.port.out.SignedMessage;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.envelope.ReceivedEnvelope;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Profile {@code jws-compact} (OpenCRVS): the envelope's {@code signature} member is a compact JWS with attached
 * payload; once the JWS verifies, its payload parsed as JSON must equal {@code {header, message}} of the envelope
 * as JSON values, else {@code payload_mismatch}. Default allow-list RS256, ES256, EdDSA. Thread-safe.
 */
final class JwsCompactVerifier implements ProfileVerifier {

    static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256", "ES256", "EdDSA");

    private final JwsVerification jws;

    JwsCompactVerifier(JwsVerification jws) {
        this.jws = Objects.requireNonNull(jws, "jws");
    }

    @Override
    public Verification verify(Sender sender, SignedMessage message, Instant now) {
        Optional<String> member = message.signatureMember().map(String::strip).filter(s -> !s.isEmpty());
        if (member.isEmpty()) {
            return Rejected.missing("the envelope has no signature");
        }
        String[] parts = member.get().split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Rejected.invalid(RejectionReason.MALFORMED, "signature is not a compact JWS");
        }
        if (!JwsProtectedHeader.BASE64URL.matcher(parts[1]).matches()) {
            return Rejected.invalid(RejectionReason.MALFORMED, "JWS payload is not base64url");
        }
        Verification verdict = jws.verify(sender, DEFAULT_ALGORITHMS, parts[0], parts[1], parts[2]);
        if (verdict instanceof Verification.Verified && !payloadMatches(new Base64URL(parts[1]).decode(), message)) {
            return Rejected.invalid(RejectionReason.PAYLOAD_MISMATCH,
                    "the JWS payload differs from the envelope's header and message");
        }
        return verdict;
    }

    private static boolean payloadMatches(byte[] payloadBytes, SignedMessage message) {
        JsonNode payload;
        JsonNode envelope;
        try {
            payload = EnvelopeJson.parse(payloadBytes);
            envelope = message instanceof ReceivedEnvelope r ? r.root() : EnvelopeJson.parse(message.rawBody());
        } catch (IOException e) {
            return false;
        }
        if (!payload.isObject() || payload.size() != 2 || !envelope.isObject()) {
            return false;
        }
        JsonNode header = envelope.get("header");
        JsonNode body = envelope.get("message");
        return header != null && body != null && JsonValueEquality.equal(payload.get("header"), header)
                && JsonValueEquality.equal(payload.get("message"), body);
    }
}
