package io.crvs.http.keys;

import com.nimbusds.jose.jwk.JWK;
import java.util.List;

/**
 * The result of reading a JWKS document leniently: the keys we can verify with (public parts only) and a short
 * description of each entry that was skipped (unknown key type, unsupported curve, RSA without exponent, …).
 *
 * @param usable  usable public keys, in document order
 * @param skipped one line per skipped entry, free of key material
 */
public record ParsedJwks(List<JWK> usable, List<String> skipped) {
    public ParsedJwks {
        usable = List.copyOf(usable);
        skipped = List.copyOf(skipped);
    }
}
