package io.crvs.http.signature;

import com.nimbusds.jose.jwk.JWK;
import io.crvs.core.domain.Sender;
import io.crvs.http.keys.SenderKeySet;
import io.crvs.http.keys.VerificationKeySource;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test key source: a fixed key set, counting unknown-key refetches (which change nothing). */
final class FixedKeys implements VerificationKeySource {

    private final SenderKeySet set;
    final AtomicInteger refetches = new AtomicInteger();

    FixedKeys(JWK... keys) {
        this.set = new SenderKeySet(List.of(keys), List.of(), "https://keys.test/jwks.json", Instant.EPOCH, "{}");
    }

    @Override
    public SenderKeySet keysFor(Sender sender) {
        return set;
    }

    @Override
    public SenderKeySet refetchForUnknownKey(Sender sender) {
        refetches.incrementAndGet();
        return set;
    }
}
