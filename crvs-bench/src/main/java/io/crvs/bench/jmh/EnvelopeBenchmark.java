package io.crvs.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.bench.load.BenchSenders;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.http.codec.InboundEnvelope;
import io.crvs.http.codec.NotifyMessageReader;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.signature.PythonCanonicalJson;
import java.security.MessageDigest;
import java.util.List;
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
 * The codec's share of a request, for a signed cavage notify with 1 or 100 birth events: parsing the body and
 * validating the header ({@code parse}), reading the events into domain records ({@code readEvents}), and the
 * cavage digest, SHA-256 of the Python-canonical JSON of {header, message} ({@code canonicalDigest}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {

    @Param({"1", "100"})
    public int events;

    private byte[] body;
    private byte[] signedPart;
    private InboundEnvelope parsed;

    @Setup
    public void setUp() {
        body = new BenchSenders("jmh").notifies(SignatureProfile.DCI_CAVAGE_ED25519, 1, events, 1).get(0);
        parsed = Fixtures.parse(body);
        ObjectNode both = EnvelopeJson.MAPPER.createObjectNode();
        both.set("header", parsed.envelope().header());
        both.set("message", parsed.envelope().message());
        try {
            signedPart = EnvelopeJson.MAPPER.writeValueAsBytes(both);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public InboundEnvelope parse() {
        return Fixtures.parse(body);
    }

    @Benchmark
    public List<NewVitalEvent> readEvents() {
        return NotifyMessageReader.read(parsed.envelope().message());
    }

    @Benchmark
    public byte[] canonicalDigest() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(PythonCanonicalJson.canonicalize(signedPart));
    }
}
