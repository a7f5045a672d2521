package io.crvs.http.signature;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.crvs.core.domain.RejectionReason;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import io.crvs.http.keys.SenderKeySet;
import io.crvs.http.keys.VerificationKeySource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Chooses the sender's keys a signature may be checked with: by kid (one rate-limited refetch when the kid is
 * unknown), then the key must be a signing key ({@code use} absent or {@code sig}, no JWE {@code alg}) and its
 * type and curve must fit the algorithm. A JWK {@code alg} that is not a registered JWS name (OpenCRVS publishes
 * {@code "RSA-256"}) does not exclude the key; a registered one that differs does. Thread-safe.
 */
final class JwkSelector {

    private static final Set<String> JWS_NAMES = Stream.of(JWSAlgorithm.Family.SIGNATURE, JWSAlgorithm.Family.HMAC_SHA)
            .flatMap(Set::stream).map(Algorithm::getName).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> JWE_NAMES = Stream.of(JWEAlgorithm.Family.ASYMMETRIC,
                    JWEAlgorithm.Family.SYMMETRIC, Set.of(JWEAlgorithm.DIR))
            .flatMap(Set::stream).map(Algorithm::getName).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> EDDSA_NAMES = Set.of(JWSAlgorithm.EdDSA.getName(), JWSAlgorithm.Ed25519.getName());

    private final VerificationKeySource keys;

    JwkSelector(VerificationKeySource keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * The sender's keys named {@code kid} that may check a signature by {@code alg}.
     *
     * @param fits whether a key's type fits the algorithm
     */
    Selection byKid(Sender sender, String kid, Predicate<JWK> fits) {
        SenderKeySet set = keys.keysFor(sender);
        List<JWK> named = set.withKid(kid);
        if (named.isEmpty()) {
            named = keys.refetchForUnknownKey(sender).withKid(kid);
        }
        if (named.isEmpty()) {
            return Selection.refused(Verification.Rejected.invalid(RejectionReason.UNKNOWN_KID,
                    "the sender publishes no key with that kid"));
        }
        List<JWK> signing = named.stream().filter(JwkSelector::isSigningKey).toList();
        if (signing.isEmpty()) {
            return Selection.refused(Verification.Rejected.invalid(RejectionReason.KEY_USE_MISMATCH,
                    "the key named by the kid is not a signing key"));
        }
        List<JWK> fitting = signing.stream().filter(fits).toList();
        if (fitting.isEmpty()) {
            return Selection.refused(Verification.Rejected.invalid(RejectionReason.ALG_NOT_ALLOWED,
                    "the key named by the kid does not fit the algorithm"));
        }
        return Selection.of(fitting);
    }

    /** The signing keys of {@code set} that fit, in document order. */
    static List<JWK> compatible(SenderKeySet set, Predicate<JWK> fits) {
        return set.keys().stream().filter(JwkSelector::isSigningKey).filter(fits).toList();
    }

    /** Whether a key may verify signatures at all. */
    static boolean isSigningKey(JWK key) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return false;
        }
        Set<KeyOperation> ops = key.getKeyOperations();
        if (ops != null && !ops.contains(KeyOperation.VERIFY)) {
            return false;
        }
        return key.getAlgorithm() == null || !JWE_NAMES.contains(key.getAlgorithm().getName());
    }

    /** Whether a key's type, curve and (registered) {@code alg} fit JWS algorithm {@code alg}. */
    static boolean fitsJws(JWK key, JWSAlgorithm alg) {
        Algorithm declared = key.getAlgorithm();
        if (declared != null && JWS_NAMES.contains(declared.getName()) && !declared.getName().equals(alg.getName())
                && !(EDDSA_NAMES.contains(declared.getName()) && EDDSA_NAMES.contains(alg.getName()))) {
            return false;
        }
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            return key instanceof RSAKey;
        }
        if (JWSAlgorithm.ES256.equals(alg)) {
            return key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
        }
        if (JWSAlgorithm.ES384.equals(alg)) {
            return key instanceof ECKey ec && Curve.P_384.equals(ec.getCurve());
        }
        if (JWSAlgorithm.ES512.equals(alg)) {
            return key instanceof ECKey ec && Curve.P_521.equals(ec.getCurve());
        }
        if (EDDSA_NAMES.contains(alg.getName())) {
            return Ed25519PublicKeys.isEd25519(key);
        }
        return false;
    }
}
