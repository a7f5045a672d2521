package io.crvs.http.signature;

import com.nimbusds.jose.jwk.JWK;
import io.crvs.core.domain.Verification;
import java.util.List;

/**
 * The outcome of looking a key up: the candidate keys to try, or why there are none.
 *
 * @param candidates keys to try in order (empty when refused)
 * @param refusal    why no key can be tried, or {@code null}
 */
record Selection(List<JWK> candidates, Verification.Rejected refusal) {

    Selection {
        candidates = List.copyOf(candidates);
    }

    static Selection of(List<JWK> keys) {
        return new Selection(keys, null);
    }

    static Selection refused(Verification.Rejected why) {
        return new Selection(List.of(), why);
    }
}
