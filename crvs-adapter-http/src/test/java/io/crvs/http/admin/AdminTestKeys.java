package io.crvs.http.admin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/** JWKS documents for the admin tests: two P-256 public keys generated once per run. */
final class AdminTestKeys {

    static final String KID_CURRENT = "crvs.example.gov|k-2026-01|es256";
    static final String KID_PREVIOUS = "crvs.example.gov|k-2025-07|es256";
    static final String KID_NEW = "crvs.example.gov|k-2026-07|es256";

    private static final String TWO_KEYS;
    private static final String THREE_KEYS;

    static {
        try {
            var current = new ECKeyGenerator(Curve.P_256).keyID(KID_CURRENT).algorithm(JWSAlgorithm.ES256)
                    .keyUse(KeyUse.SIGNATURE).generate().toPublicJWK();
            var previous = new ECKeyGenerator(Curve.P_256).keyID(KID_PREVIOUS).generate().toPublicJWK();
            var next = new ECKeyGenerator(Curve.P_256).keyID(KID_NEW).algorithm(JWSAlgorithm.ES256)
                    .keyUse(KeyUse.SIGNATURE).generate().toPublicJWK();
            TWO_KEYS = new JWKSet(java.util.List.of(current, previous)).toString();
            THREE_KEYS = new JWKSet(java.util.List.of(next, current, previous)).toString();
        } catch (JOSEException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private AdminTestKeys() {
    }

    /** Current key (ES256, sig) and previous key (no alg, no use). */
    static String twoKeys() {
        return TWO_KEYS;
    }

    /** The next key, then the two of {@link #twoKeys()}. */
    static String threeKeys() {
        return THREE_KEYS;
    }
}
