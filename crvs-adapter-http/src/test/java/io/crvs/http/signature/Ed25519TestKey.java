package io.crvs.http.signature;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Test helper: a fresh Ed25519 key pair that signs OpenSPP-style cavage strings and EdDSA JWS. */
final class Ed25519TestKey {

    private final byte[] secret = new byte[Ed25519.SECRET_KEY_SIZE];
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    final String kid;

    Ed25519TestKey(String kid) {
        this.kid = kid;
        new SecureRandom().nextBytes(secret);
        Ed25519.generatePublicKey(secret, 0, publicKey, 0);
    }

    OctetKeyPair jwk(KeyUse use) {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey)).keyID(kid).keyUse(use)
                .algorithm(JWSAlgorithm.EdDSA).build();
    }

    byte[] sign(byte[] message) {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(secret, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    /** The OpenSPP signature string over {header, message} with the given parameters. */
    String cavage(String kidId, String algorithm, long created, long expires, String header, String message)
            throws Exception {
        byte[] canonical = PythonCanonicalJson.canonicalize(("{\"header\":" + header + ",\"message\":" + message + "}")
                .getBytes(StandardCharsets.UTF_8));
        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical));
        String signing = "(created): " + created + "\n(expires): " + expires + "\ndigest: " + digest;
        String sig = Base64.getEncoder().encodeToString(sign(signing.getBytes(StandardCharsets.UTF_8)));
        return "namespace=\"dci\", kidId=\"" + kidId + "\", algorithm=\"" + algorithm + "\", created=\"" + created
                + "\", expires=\"" + expires + "\", headers=\"(created) (expires) digest\", signature=\"" + sig + "\"";
    }
}
