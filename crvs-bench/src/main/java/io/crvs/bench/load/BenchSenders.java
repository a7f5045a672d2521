package io.crvs.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.signing.CavageSigner;
import io.crvs.http.signing.Ed25519SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The two CRVS senders the benchmark plays: one signing in {@code dci-cavage-ed25519} (OpenSPP) with a fresh
 * Ed25519 key, one in {@code jws-compact} with a fresh RSA-2048 key and RS256 (OpenCRVS). Builds signed notify
 * bodies whose birth events match the persons {@link BenchSetup} seeds: event {@code n} carries UIN
 * {@code BU-n} (the seeded person {@code n}) and a new BRN, so processing it updates that person.
 */
public final class BenchSenders {

    public static final String CAVAGE_ID = "bench-cavage.example";
    public static final String JWS_ID = "bench-jws.example";
    public static final String JWS_KID = "bench-rsa-1";

    /** How long each pre-signed signature stays valid (the receiver's default limit is one hour). */
    static final Duration VALIDITY = Duration.ofMinutes(50);

    private final Ed25519SigningKey ed25519 = Ed25519SigningKey.generate(CAVAGE_ID + "|bench-key-1|ed25519");
    private final CavageSigner cavage = new CavageSigner(ed25519);
    private final RSAKey rsa;
    private final RSASSASigner rsaSigner;
    private final String runTag;

    /** One sender of the benchmark as the receiver registers it. */
    public record SenderSpec(String id, SignatureProfile profile, Set<String> algorithms, String jwksPath) {
    }

    public BenchSenders(String runTag) {
        this.runTag = runTag;
        try {
            rsa = new RSAKeyGenerator(2048).keyID(JWS_KID).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
            rsaSigner = new RSASSASigner(rsa);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }

    public static List<SenderSpec> specs() {
        return List.of(new SenderSpec(CAVAGE_ID, SignatureProfile.DCI_CAVAGE_ED25519, Set.of(), "/cavage.jwks"),
                new SenderSpec(JWS_ID, SignatureProfile.JWS_COMPACT, Set.of("RS256"), "/jws.jwks"));
    }

    /** The public JWKS document of a sender (served by the benchmark's JWKS host). */
    public String jwks(String senderId) {
        return switch (senderId) {
            case CAVAGE_ID -> ed25519.publicJwks();
            case JWS_ID -> new JWKSet(rsa.toPublicJWK()).toString();
            default -> throw new IllegalArgumentException(senderId);
        };
    }

    public Ed25519SigningKey ed25519() {
        return ed25519;
    }

    public RSAKey rsa() {
        return rsa;
    }

    /**
     * Signed notify bodies, {@code count} of them with {@code eventsPerNotify} birth events each, events numbered
     * from {@code firstEvent}; signed on all cores.
     */
    public List<byte[]> notifies(SignatureProfile profile, int count, int eventsPerNotify, long firstEvent) {
        Instant now = Instant.now();
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> notify(profile, firstEvent + (long) i * eventsPerNotify, eventsPerNotify, now))
                .toList();
    }

    private byte[] notify(SignatureProfile profile, long firstEvent, int events, Instant now) {
        String sender = profile == SignatureProfile.JWS_COMPACT ? JWS_ID : CAVAGE_ID;
        String messageId = runTag + "-m-" + firstEvent;
        ObjectNode header = EnvelopeJson.MAPPER.createObjectNode()
                .put("version", "1.0.0").put("message_id", messageId).put("message_ts", now.toString())
                .put("action", "notify").put("status", "succ").put("total_count", events)
                .put("completed_count", events).put("sender_id", sender)
                .put("receiver_id", "registry.bench.example").put("is_msg_encrypted", false);
        ObjectNode message = EnvelopeJson.MAPPER.createObjectNode().put("transaction_id", runTag + "-t-" + firstEvent);
        ArrayNode items = message.putArray("notify_event");
        for (int k = 0; k < events; k++) {
            items.add(birth(firstEvent + k, now));
        }
        ObjectNode envelope;
        if (profile == SignatureProfile.DCI_CAVAGE_ED25519) {
            envelope = cavage.envelope(header, message, now, VALIDITY);
        } else if (profile == SignatureProfile.JWS_COMPACT) {
            envelope = jwsEnvelope(header, message);
        } else {
            throw new IllegalArgumentException("the benchmark signs dci-cavage-ed25519 and jws-compact only");
        }
        try {
            return EnvelopeJson.MAPPER.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode jwsEnvelope(ObjectNode header, ObjectNode message) {
        ObjectNode signed = EnvelopeJson.MAPPER.createObjectNode();
        signed.set("header", header);
        signed.set("message", message);
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(JWS_KID).build(),
                    new Payload(EnvelopeJson.MAPPER.writeValueAsBytes(signed)));
            jws.sign(rsaSigner);
            ObjectNode envelope = EnvelopeJson.MAPPER.createObjectNode();
            envelope.put("signature", jws.serialize());
            envelope.set("header", header);
            envelope.set("message", message);
            return envelope;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }

    /** A DCI notify item: the birth of seeded person {@code n}. */
    private ObjectNode birth(long n, Instant now) {
        ObjectNode item = EnvelopeJson.MAPPER.createObjectNode()
                .put("reference_id", runTag + "-e-" + n).put("timestamp", now.toString());
        ObjectNode data = item.putObject("data").put("version", "1.0.0")
                .put("reg_type", "ns:org:RegistryType:Civil")
                .put("reg_event_type", "spdci-common:RegistryEventType:LiveBirth")
                .put("reg_record_type", "spdci-extensions-dci:Person");
        ObjectNode person = data.putObject("reg_records").put("@type", "CRVS_Person");
        ArrayNode ids = person.putArray("identifier");
        ids.addObject().put("identifier_type", "UIN").put("identifier_value", BenchSetup.uin(n));
        ids.addObject().put("identifier_type", "BRN").put("identifier_value", "BB-" + runTag + "-" + n);
        person.putObject("name").put("given_name", "Bench").put("surname", "P" + n);
        person.put("birth_date", "2024-0" + (1 + n % 9) + "-1" + (n % 10)).put("sex", n % 2 == 0 ? "female" : "male");
        item.put("locale", "eng");
        return item;
    }
}
