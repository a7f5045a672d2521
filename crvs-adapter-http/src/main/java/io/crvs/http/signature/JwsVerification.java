package io.crvs.http.signature;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import io.crvs.core.domain.RejectionReason;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import io.crvs.core.domain.Verification.Rejected;
import io.crvs.http.keys.SenderKeySet;
import io.crvs.http.keys.VerificationKeySource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The JWS part shared by profiles {@code jws-compact} and {@code jws-detached-header}: header policy (allow-list,
 * never {@code none} or HMAC, no {@code crit} or {@code b64}), key selection (by kid; without kid every fitting
 * signing key) and the signature check over {@code protected + "." + payload}. Thread-safe.
 */
final class JwsVerification {

    /** What we can verify at all; a sender's allow-list is intersected with it. */
    static final Set<String> SUPPORTED = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "EdDSA", "Ed25519");

    private final VerificationKeySource keys;
    private final JwkSelector selector;
    private final JwsSignatureChecker checker;

    JwsVerification(VerificationKeySource keys, JwsSignatureChecker checker) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.selector = new JwkSelector(keys);
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    /**
     * @param sender         the sender
     * @param defaults       the profile's allow-list, used when the sender has none
     * @param headerSegment  the protected header segment as received
     * @param payloadSegment the payload segment (base64url)
     * @param signatureSeg   the signature segment
     * @return Verified with the key's id, or the rejection
     */
    Verification verify(Sender sender, Set<String> defaults, String headerSegment, String payloadSegment,
                        String signatureSeg) {
        JwsProtectedHeader header;
        try {
            header = JwsProtectedHeader.read(headerSegment);
        } catch (MalformedSignatureException e) {
            return Rejected.invalid(RejectionReason.MALFORMED, e.getMessage());
        }
        Set<String> allowed = sender.allowedAlgorithms().isEmpty() ? defaults : sender.allowedAlgorithms();
        String alg = header.alg();
        if (alg.equalsIgnoreCase("none") || alg.toUpperCase(java.util.Locale.ROOT).startsWith("HS")
                || !allowed.contains(alg) || !SUPPORTED.contains(alg)) {
            return Rejected.invalid(RejectionReason.ALG_NOT_ALLOWED, "alg " + printable(alg)
                    + " is not allowed for this sender");
        }
        if (header.critOrB64()) {
            return Rejected.invalid(RejectionReason.CRIT_UNSUPPORTED,
                    "crit and b64 header parameters are not supported");
        }
        JWSHeader nimbusHeader;
        try {
            nimbusHeader = header.toNimbus();
        } catch (MalformedSignatureException e) {
            return Rejected.invalid(RejectionReason.MALFORMED, e.getMessage());
        }
        if (!JwsProtectedHeader.BASE64URL.matcher(signatureSeg).matches()) {
            return Rejected.invalid(RejectionReason.MALFORMED, "signature is not base64url");
        }
        byte[] signingInput = (headerSegment + "." + payloadSegment).getBytes(StandardCharsets.US_ASCII);
        Signed signed = new Signed(nimbusHeader, signingInput, new Base64URL(signatureSeg));
        return header.kid() != null ? withKid(sender, header.kid(), signed) : withoutKid(sender, signed);
    }

    private record Signed(JWSHeader header, byte[] input, Base64URL signature) {
        JWSAlgorithm alg() {
            return header.getAlgorithm();
        }
    }

    private Verification withKid(Sender sender, String kid, Signed signed) {
        Selection selection = selector.byKid(sender, kid, k -> JwkSelector.fitsJws(k, signed.alg()));
        if (selection.refusal() != null) {
            return selection.refusal();
        }
        for (JWK key : selection.candidates()) {
            if (checker.verify(key, signed.header(), signed.input(), signed.signature())) {
                return new Verification.Verified(kid);
            }
        }
        return Rejected.invalid(RejectionReason.BAD_SIGNATURE, "signature does not verify with key " + kid);
    }

    /** No kid: every fitting signing key; if none verifies, once more after a rate-limited refetch. */
    private Verification withoutKid(Sender sender, Signed signed) {
        SenderKeySet set = keys.keysFor(sender);
        Verification first = tryAll(set, signed);
        if (first instanceof Verification.Verified) {
            return first;
        }
        SenderKeySet refetched = keys.refetchForUnknownKey(sender);
        return refetched == set ? first : tryAll(refetched, signed);
    }

    private Verification tryAll(SenderKeySet set, Signed signed) {
        List<JWK> candidates = JwkSelector.compatible(set, k -> JwkSelector.fitsJws(k, signed.alg()));
        if (candidates.isEmpty()) {
            return Rejected.invalid(RejectionReason.UNKNOWN_KID,
                    "no signing key of the sender fits alg " + signed.alg().getName());
        }
        for (JWK key : candidates) {
            if (checker.verify(key, signed.header(), signed.input(), signed.signature())) {
                return new Verification.Verified(keyId(key));
            }
        }
        return Rejected.invalid(RejectionReason.BAD_SIGNATURE,
                "signature verifies with none of the sender's " + candidates.size() + " fitting key(s)");
    }

    private static String keyId(JWK key) {
        if (key.getKeyID() != null) {
            return key.getKeyID();
        }
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            return null;
        }
    }

    /** An alg name for a log/detail line: bounded, printable ASCII only. */
    static String printable(String s) {
        String cut = s.length() > 32 ? s.substring(0, 32) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e…]", "?");
    }
}
