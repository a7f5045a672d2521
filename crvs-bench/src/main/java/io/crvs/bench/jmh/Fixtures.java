package io.crvs.bench.jmh;

import io.crvs.bench.load.BenchSenders;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.http.codec.EnvelopeReader;
import io.crvs.http.codec.InboundEnvelope;
import io.crvs.http.codec.NotifyMessageReader;
import io.crvs.http.keys.JwksDocumentParser;
import io.crvs.http.keys.JwksFormatException;
import io.crvs.http.keys.ParsedJwks;
import io.crvs.http.keys.SenderKeySet;
import io.crvs.http.keys.VerificationKeySource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the microbenchmarks share: the benchmark senders, signed bodies, keys already fetched. */
final class Fixtures {

    static final String JWKS_URL = "http://127.0.0.1:9/jwks";

    private Fixtures() {
    }

    static SignatureProfile profile(String code) {
        return SignatureProfile.parse(code);
    }

    static Sender sender(BenchSenders senders, SignatureProfile profile) {
        BenchSenders.SenderSpec spec = BenchSenders.specs().stream().filter(s -> s.profile() == profile).findFirst()
                .orElseThrow();
        return Sender.register(spec.id(), "bench", JWKS_URL, profile, spec.algorithms());
    }

    /** A key source that has the sender's keys already (what the cache holds after the first fetch). */
    static VerificationKeySource keys(BenchSenders senders) {
        SenderKeySet cavage = set(senders.jwks(BenchSenders.CAVAGE_ID));
        SenderKeySet jws = set(senders.jwks(BenchSenders.JWS_ID));
        return new VerificationKeySource() {
            @Override
            public SenderKeySet keysFor(Sender sender) {
                return sender.senderId().equals(BenchSenders.CAVAGE_ID) ? cavage : jws;
            }

            @Override
            public SenderKeySet refetchForUnknownKey(Sender sender) {
                return keysFor(sender);
            }
        };
    }

    private static SenderKeySet set(String document) {
        try {
            ParsedJwks parsed = JwksDocumentParser.parse(document);
            return new SenderKeySet(parsed.usable(), parsed.skipped(), JWKS_URL, Instant.now(), document);
        } catch (JwksFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static InboundEnvelope parse(byte[] body) {
        return EnvelopeReader.read(body, Optional.empty());
    }

    static List<NewVitalEvent> events(byte[] body) {
        return NotifyMessageReader.read(parse(body).envelope().message());
    }
}
