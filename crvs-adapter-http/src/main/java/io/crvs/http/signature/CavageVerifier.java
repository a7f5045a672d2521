package io.crvs.http.signature;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.crvs.core.domain.DciErrorCode;
import io.crvs.core.domain.RejectionReason;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import io.crvs.core.domain.Verification.Rejected;
import io.crvs.core.port.out.SignedMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Profile {@code dci-cavage-ed25519} (OpenSPP {@code DCISigner}): the {@code signature} member is a cavage-style
 * parameter string; the signed string is {@code (created): c\n(expires): e\ndigest: d} where {@code d} is the
 * base64 SHA-256 of the Python canonical JSON of {@code {header, message}} as received; Ed25519.
 *
 * <p>Checks, cheapest first: algorithm {@code ed25519}; kidId {@code sender|key|ed25519} naming the message's
 * sender; the time window ({@code now > expires} expired, {@code created > now + skew} future, a lifetime over
 * the maximum refused); then the key whose {@code kid} is the whole kidId (one refetch if unknown); then the
 * signature. Thread-safe.
 */
final class CavageVerifier implements ProfileVerifier {

    private static final String ALGORITHM = "ed25519";

    private final JwkSelector selector;
    private final Ed25519PublicKeys ed25519;
    private final SignatureSettings settings;

    CavageVerifier(JwkSelector selector, Ed25519PublicKeys ed25519, SignatureSettings settings) {
        this.selector = Objects.requireNonNull(selector, "selector");
        this.ed25519 = Objects.requireNonNull(ed25519, "ed25519");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Verification verify(Sender sender, SignedMessage message, Instant now) {
        Optional<String> member = message.signatureMember().filter(s -> !s.isBlank());
        if (member.isEmpty()) {
            return Rejected.missing("the envelope has no signature");
        }
        CavageSignature sig;
        try {
            sig = CavageSignatureParser.parse(member.get());
        } catch (MalformedSignatureException e) {
            return Rejected.invalid(RejectionReason.MALFORMED, e.getMessage());
        }
        Rejected refused = checkAlgorithmAndKid(sender, message, sig);
        if (refused == null) {
            refused = checkWindow(sig, now);
        }
        if (refused != null) {
            return refused;
        }
        byte[] canonical;
        try {
            canonical = PythonCanonicalJson.headerAndMessage(message.rawBody());
        } catch (CanonicalJsonException e) {
            return new Rejected(DciErrorCode.REQUEST_BAD, RejectionReason.MALFORMED, e.getMessage());
        }
        Selection selection = selector.byKid(sender, sig.kidId(), Ed25519PublicKeys::isEd25519);
        if (selection.refusal() != null) {
            return selection.refusal();
        }
        byte[] signed = signingString(sig, canonical).getBytes(StandardCharsets.UTF_8);
        byte[] signature = sig.signature();
        for (JWK key : selection.candidates()) {
            if (ed25519.verify((OctetKeyPair) key, signature, signed)) {
                return new Verification.Verified(sig.kidId());
            }
        }
        return Rejected.invalid(RejectionReason.BAD_SIGNATURE, "signature does not verify with key " + sig.kidId());
    }

    private static Rejected checkAlgorithmAndKid(Sender sender, SignedMessage message, CavageSignature sig) {
        if (!ALGORITHM.equals(sig.algorithm().toLowerCase(Locale.ROOT)) || !senderAllowsEd25519(sender)) {
            return Rejected.invalid(RejectionReason.ALG_NOT_ALLOWED,
                    "algorithm " + JwsVerification.printable(sig.algorithm()) + " is not allowed; expected ed25519");
        }
        String[] kid = sig.kidId().split("\\|", -1);
        if (kid.length != 3 || kid[0].isEmpty() || kid[1].isEmpty()) {
            return Rejected.invalid(RejectionReason.MALFORMED, "kidId must be sender_id|key_id|algorithm");
        }
        if (!ALGORITHM.equals(kid[2].toLowerCase(Locale.ROOT))) {
            return Rejected.invalid(RejectionReason.ALG_NOT_ALLOWED, "kidId names another algorithm than ed25519");
        }
        if (!kid[0].equals(message.senderId()) || !kid[0].equals(sender.senderId())) {
            return Rejected.invalid(RejectionReason.KID_SENDER_MISMATCH,
                    "kidId names another sender than header.sender_id");
        }
        return null;
    }

    private static boolean senderAllowsEd25519(Sender sender) {
        return sender.allowedAlgorithms().isEmpty() || sender.allowedAlgorithms().stream()
                .anyMatch(a -> a.equalsIgnoreCase(ALGORITHM) || a.equals("EdDSA"));
    }

    private Rejected checkWindow(CavageSignature sig, Instant now) {
        long nowSeconds = now.getEpochSecond();
        if (sig.expires() < sig.created()) {
            return Rejected.invalid(RejectionReason.MALFORMED, "expires is before created");
        }
        if (nowSeconds > sig.expires()) {
            return Rejected.invalid(RejectionReason.EXPIRED, "signature expired");
        }
        if (sig.created() > nowSeconds + settings.futureSkew().getSeconds()) {
            return Rejected.invalid(RejectionReason.FUTURE, "signature created in the future");
        }
        if (sig.expires() - sig.created() > settings.maxValidity().getSeconds()) {
            return Rejected.invalid(RejectionReason.VALIDITY_TOO_LONG,
                    "signature validity exceeds " + settings.maxValidity().getSeconds() + " s");
        }
        return null;
    }

    private static String signingString(CavageSignature sig, byte[] canonical) {
        return "(created): " + sig.created() + "\n(expires): " + sig.expires() + "\ndigest: "
                + Base64.getEncoder().encodeToString(sha256(canonical));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
