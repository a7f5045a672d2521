package io.crvs.http.signature;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one JWS signature with one key: RSA (RS*, PS*) with Nimbus on the JDK provider, ECDSA with Nimbus on
 * BouncyCastle (about four times faster than the JDK 17 provider for ES256; only the raw R‖S form of RFC 7518 is
 * accepted, so a DER signature fails), Ed25519 with BouncyCastle's RFC 8032 code. Verifiers are built once per
 * key and cached (bounded). Never throws for a bad signature or key: the answer is {@code false}. Thread-safe.
 */
final class JwsSignatureChecker {

    private static final int MAX_CACHED = 1024;

    private final ConcurrentHashMap<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();
    private final Ed25519PublicKeys ed25519;

    JwsSignatureChecker(Ed25519PublicKeys ed25519) {
        this.ed25519 = ed25519;
    }

    /**
     * @param key          a key that fits the header's algorithm
     * @param header       the parsed protected header
     * @param signingInput {@code protected + "." + payload} as ASCII bytes
     * @param signature    the signature segment
     */
    boolean verify(JWK key, JWSHeader header, byte[] signingInput, Base64URL signature) {
        if (key instanceof OctetKeyPair okp) {
            return ed25519.verify(okp, signature.decode(), signingInput);
        }
        try {
            JWSVerifier verifier = verifierFor(key);
            return verifier != null && verifier.verify(header, signingInput, signature);
        } catch (JOSEException e) {
            return false; // e.g. an ECDSA signature with an illegal R or S
        }
    }

    private JWSVerifier verifierFor(JWK key) throws JOSEException {
        JWSVerifier cached = verifiers.get(key);
        if (cached != null) {
            return cached;
        }
        JWSVerifier created;
        if (key instanceof RSAKey rsa) {
            created = new RSASSAVerifier(rsa);
        } else if (key instanceof ECKey ec) {
            ECDSAVerifier ecdsa = new ECDSAVerifier(ec);
            ecdsa.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
            created = ecdsa;
        } else {
            return null;
        }
        if (verifiers.size() >= MAX_CACHED) {
            verifiers.clear();
        }
        verifiers.put(key, created);
        return created;
    }
}
