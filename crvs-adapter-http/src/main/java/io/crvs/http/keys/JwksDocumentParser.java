package io.crvs.http.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Reads a JWKS document leniently: one bad entry (Ed448, X25519, a symmetric key, an unknown {@code kty}, RSA
 * without {@code e}, RSA shorter than 2048 bits, an invalid point) is skipped and the others are still used.
 * Private parameters that a sender published by mistake are dropped. Stateless and thread-safe.
 */
public final class JwksDocumentParser {

    /** RSA keys shorter than this are not trusted. */
    public static final int MIN_RSA_BITS = 2048;

    private static final Set<Curve> EC_CURVES = Set.of(Curve.P_256, Curve.P_384, Curve.P_521);

    private JwksDocumentParser() {
    }

    /**
     * @param document the JWKS as JSON text; must not be {@code null}
     * @return the usable keys and the skipped entries
     * @throws JwksFormatException when it is not a JSON object with a {@code keys} array, or no entry is usable
     */
    public static ParsedJwks parse(String document) throws JwksFormatException {
        List<Object> entries = keysArray(document);
        List<JWK> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String problem = null;
            JWK key = null;
            Object entry = entries.get(i);
            if (!(entry instanceof Map)) {
                problem = "not a JSON object";
            } else {
                try {
                    key = JWK.parse(asObject(entry));
                    problem = unusableBecause(key);
                } catch (ParseException | IllegalArgumentException | IllegalStateException e) {
                    problem = "cannot be parsed (" + e.getMessage() + ")";
                }
            }
            if (problem == null) {
                usable.add(key.isPrivate() ? key.toPublicJWK() : key);
            } else {
                skipped.add("entry " + i + (key != null && key.getKeyID() != null ? " (kid " + key.getKeyID() + ")"
                        : "") + ": " + problem);
            }
        }
        if (usable.isEmpty()) {
            throw new JwksFormatException("JWKS has no usable key" + (skipped.isEmpty() ? "" : ": " + skipped));
        }
        return new ParsedJwks(usable, skipped);
    }

    private static List<Object> keysArray(String document) throws JwksFormatException {
        Map<String, Object> root;
        try {
            root = JSONObjectUtils.parse(document);
        } catch (ParseException e) {
            throw new JwksFormatException("not a JSON object: " + e.getMessage());
        }
        Object keys = root.get("keys");
        if (!(keys instanceof List)) {
            throw new JwksFormatException("not a JWKS: no \"keys\" array");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) keys;
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object entry) {
        return (Map<String, Object>) entry;
    }

    /** Why a parsed key cannot verify anything we accept, or {@code null} when it can. */
    private static String unusableBecause(JWK key) {
        if (key instanceof RSAKey rsa) {
            return rsa.size() < MIN_RSA_BITS ? "RSA key shorter than " + MIN_RSA_BITS + " bits" : null;
        }
        if (key instanceof ECKey ec) {
            return EC_CURVES.contains(ec.getCurve()) ? null : "unsupported EC curve " + ec.getCurve();
        }
        if (key instanceof OctetKeyPair okp) {
            if (!Curve.Ed25519.equals(okp.getCurve())) {
                return "unsupported OKP curve " + okp.getCurve();
            }
            byte[] x = okp.getDecodedX();
            return x.length == Ed25519.PUBLIC_KEY_SIZE && Ed25519.validatePublicKeyFull(x, 0) ? null
                    : "invalid Ed25519 public key";
        }
        return "key type " + key.getKeyType() + " cannot verify signatures";
    }
}
