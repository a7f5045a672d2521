package io.crvs.http.keys;

import com.nimbusds.jose.jwk.JWK;

/**
 * What an operator sees of one published key after "Fetch Public Key".
 *
 * @param kid its key id, or {@code null}
 * @param kty its key type ({@code RSA}, {@code EC}, {@code OKP})
 * @param alg its declared algorithm, or {@code null}
 * @param use its declared use ({@code sig}, {@code enc}), or {@code null}
 */
public record KeySummary(String kid, String kty, String alg, String use) {

    /** Summarises a key. */
    public static KeySummary of(JWK key) {
        return new KeySummary(key.getKeyID(), key.getKeyType().getValue(),
                key.getAlgorithm() == null ? null : key.getAlgorithm().getName(),
                key.getKeyUse() == null ? null : key.getKeyUse().identifier());
    }
}
