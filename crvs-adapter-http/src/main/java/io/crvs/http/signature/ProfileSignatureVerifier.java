package io.crvs.http.signature;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.Verification;
import io.crvs.core.port.out.SignatureVerifier;
import io.crvs.core.port.out.SignedMessage;
import io.crvs.http.keys.VerificationKeySource;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signature adapter: verifies a message by the signature profile its sender was registered with
 * ({@code dci-cavage-ed25519}, {@code jws-compact}, {@code jws-detached-header}, {@code none}), taking keys from
 * a {@link VerificationKeySource}. A client's mistake is always a {@link Verification.Rejected} verdict; only
 * unavailable keys throw ({@link io.crvs.core.port.out.KeysUnavailableException}, answered 503). Thread-safe.
 */
public final class ProfileSignatureVerifier implements SignatureVerifier {

    private final Map<SignatureProfile, ProfileVerifier> profiles = new EnumMap<>(SignatureProfile.class);

    /**
     * @param keys     the senders' keys
     * @param settings the replay window
     */
    public ProfileSignatureVerifier(VerificationKeySource keys, SignatureSettings settings) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(settings, "settings");
        Ed25519PublicKeys ed25519 = new Ed25519PublicKeys();
        JwsVerification jws = new JwsVerification(keys, new JwsSignatureChecker(ed25519));
        profiles.put(SignatureProfile.DCI_CAVAGE_ED25519, new CavageVerifier(new JwkSelector(keys), ed25519, settings));
        profiles.put(SignatureProfile.JWS_COMPACT, new JwsCompactVerifier(jws));
        profiles.put(SignatureProfile.JWS_DETACHED_HEADER, new JwsDetachedVerifier(jws));
        profiles.put(SignatureProfile.NONE, new NoneVerifier());
    }

    @Override
    public Verification verify(Sender sender, SignedMessage message, Instant now) {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(now, "now");
        ProfileVerifier verifier = profiles.get(sender.profile());
        if (verifier == null) {
            throw new IllegalStateException("no verifier for profile " + sender.profile());
        }
        return verifier.verify(sender, message, now);
    }
}
