package io.crvs.bench.jmh;

import io.crvs.bench.load.BenchSenders;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.Verification;
import io.crvs.http.envelope.ReceivedEnvelope;
import io.crvs.http.signature.ProfileSignatureVerifier;
import io.crvs.http.signature.SignatureSettings;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signature verification per profile, as the receiver does it for a parsed single-event notify: the whole
 * {@link ProfileSignatureVerifier} (cavage: parameter parsing, Python-canonical JSON of {header, message} from the
 * raw bytes, SHA-256, Ed25519; jws-compact RS256: header, RSA, payload equality), keys already cached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBenchmark {

    @Param({"dci-cavage-ed25519", "jws-compact"})
    public String profile;

    @Param({"1"})
    public int events;

    private ProfileSignatureVerifier verifier;
    private Sender sender;
    private ReceivedEnvelope envelope;
    private Instant now;

    @Setup
    public void setUp() {
        BenchSenders senders = new BenchSenders("jmh");
        SignatureProfile p = Fixtures.profile(profile);
        verifier = new ProfileSignatureVerifier(Fixtures.keys(senders), SignatureSettings.defaults());
        sender = Fixtures.sender(senders, p);
        envelope = Fixtures.parse(senders.notifies(p, 1, events, 1).get(0)).envelope();
        now = Instant.now();
        if (!(verifier.verify(sender, envelope, now) instanceof Verification.Verified)) {
            throw new IllegalStateException("the benchmark message does not verify");
        }
    }

    @Benchmark
    public Verification verify() {
        return verifier.verify(sender, envelope, now);
    }
}
