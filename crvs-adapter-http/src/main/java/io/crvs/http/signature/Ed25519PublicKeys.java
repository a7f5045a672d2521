package io.crvs.http.signature;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies Ed25519 signatures with BouncyCastle's low-level RFC 8032 code (several times faster than the JDK
 * provider), keeping each public key decoded and validated once (the decoded point is cached per key, bounded).
 * Thread-safe.
 */
final class Ed25519PublicKeys {

    private static final int MAX_CACHED = 1024;

    private final ConcurrentHashMap<String, Ed25519.PublicPoint> points = new ConcurrentHashMap<>();

    /** Whether {@code key} is an Ed25519 public key (OKP, crv Ed25519). */
    static boolean isEd25519(com.nimbusds.jose.jwk.JWK key) {
        return key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve());
    }

    /**
     * @param key       an Ed25519 JWK
     * @param signature the 64-byte signature
     * @param message   the signed bytes
     * @return whether the signature verifies (false for an invalid key or a signature of the wrong length)
     */
    boolean verify(OctetKeyPair key, byte[] signature, byte[] message) {
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519.PublicPoint point = point(key);
        return point != null && Ed25519.verify(signature, 0, point, message, 0, message.length);
    }

    private Ed25519.PublicPoint point(OctetKeyPair key) {
        String x = key.getX().toString();
        Ed25519.PublicPoint cached = points.get(x);
        if (cached != null) {
            return cached;
        }
        byte[] raw = key.getDecodedX();
        if (raw.length != Ed25519.PUBLIC_KEY_SIZE) {
            return null;
        }
        Ed25519.PublicPoint decoded = Ed25519.validatePublicKeyFullExport(raw, 0);
        if (decoded != null) {
            if (points.size() >= MAX_CACHED) {
                points.clear();
            }
            points.put(x, decoded);
        }
        return decoded;
    }
}
