package io.crvs.http.signature;

import static io.crvs.http.signature.JwsTestSigner.b64;
import static io.crvs.http.signature.JwsTestSigner.sign;
import static io.crvs.http.signature.TestMessages.HEADER;
import static io.crvs.http.signature.TestMessages.MESSAGE;
import static io.crvs.http.signature.TestMessages.envelope;
import static io.crvs.http.signature.TestMessages.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.crvs.core.domain.DciErrorCode;
import io.crvs.core.domain.RejectionReason;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Profiles jws-compact, jws-detached-header and none: rules beyond the interop vectors. */
class JwsVerifierTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_767_225_610L);
    private static final RSAKey RSA = generateRsa("rsa-1");
    private static final RSAKey RSA_PS_ONLY = generateRsa("rsa-ps");
    private static final RSAKey RSA_ENCRYPT_ONLY = new RSAKey.Builder(generateRsa("rsa-ops"))
            .keyOperations(Set.of(KeyOperation.ENCRYPT)).build();
    private static final ECKey EC = generateEc();
    private static final String PAYLOAD = b64("{\"header\":" + HEADER + ",\"message\":" + MESSAGE + "}");

    private final Ed25519TestKey ed = new Ed25519TestKey("ed-1");
    private final FixedKeys keys = new FixedKeys(RSA.toPublicJWK(), EC.toPublicJWK(), ed.jwk(KeyUse.SIGNATURE),
            new RSAKey.Builder(RSA_PS_ONLY.toPublicJWK()).algorithm(JWSAlgorithm.PS256).build(),
            RSA_ENCRYPT_ONLY.toPublicJWK());
    private final ProfileSignatureVerifier verifier = new ProfileSignatureVerifier(keys, SignatureSettings.defaults());
    private final Sender compact = TestMessages.sender(SignatureProfile.JWS_COMPACT);
    private final Sender detached = TestMessages.sender(SignatureProfile.JWS_DETACHED_HEADER);

    private static RSAKey generateRsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Verification verifyCompact(Sender sender, String jws) {
        return verifier.verify(sender, envelope(quoted(jws), HEADER, MESSAGE, null), NOW);
    }

    private static void assertInvalid(Verification v, RejectionReason reason) {
        assertThat(v).isInstanceOf(Verification.Rejected.class);
        assertThat(((Verification.Rejected) v).code()).isEqualTo(DciErrorCode.SIGNATURE_INVALID);
        assertThat(((Verification.Rejected) v).reason()).isEqualTo(reason);
    }

    @Test
    void givenEdDsaCompactJws_verify_acceptsItWithTheDefaultAllowList() throws Exception {
        assertThat(verifyCompact(compact, sign("{\"alg\":\"EdDSA\",\"kid\":\"ed-1\"}", PAYLOAD, ed, false)))
                .isEqualTo(new Verification.Verified("ed-1"));
    }

    @Test
    void givenEs256WithoutKid_verify_findsTheKeyByType() throws Exception {
        assertThat(verifyCompact(compact, sign("{\"alg\":\"ES256\"}", PAYLOAD, EC, false)))
                .isEqualTo(new Verification.Verified("ec-1"));
        assertThat(keys.refetches).hasValue(0);
    }

    @Test
    void givenSenderAllowList_verify_refusesOtherAlgorithms() throws Exception {
        Sender esOnly = TestMessages.sender(SignatureProfile.JWS_COMPACT, "ES256");
        assertInvalid(verifyCompact(esOnly, sign("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", PAYLOAD, RSA, false)),
                RejectionReason.ALG_NOT_ALLOWED);
        Sender odd = TestMessages.sender(SignatureProfile.JWS_COMPACT, "XYZ", "HS256", "none");
        for (String alg : new String[] {"XYZ", "HS256", "none"}) {
            assertInvalid(verifyCompact(odd, sign("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}", PAYLOAD, RSA, false)),
                    RejectionReason.ALG_NOT_ALLOWED);
        }
    }

    @Test
    void givenUnreadableProtectedHeader_verify_saysMalformed() throws Exception {
        String sig = sign("{\"alg\":\"RS256\"}", PAYLOAD, RSA, false).split("\\.")[2];
        assertInvalid(verifyCompact(compact, b64("not json") + "." + PAYLOAD + "." + sig), RejectionReason.MALFORMED);
        assertInvalid(verifyCompact(compact, b64("{\"kid\":\"rsa-1\"}") + "." + PAYLOAD + "." + sig),
                RejectionReason.MALFORMED);
        assertInvalid(verifyCompact(compact, b64("{\"alg\":\"RS256\",\"kid\":7}") + "." + PAYLOAD + "." + sig),
                RejectionReason.MALFORMED);
        assertInvalid(verifyCompact(compact, b64("{\"alg\":\"RS256\"}") + "." + PAYLOAD + ".a+b/c="),
                RejectionReason.MALFORMED);
        assertInvalid(verifyCompact(compact, "a.b.c.d"), RejectionReason.MALFORMED);
    }

    @Test
    void givenB64HeaderEvenTrue_verify_refusesIt() throws Exception {
        assertInvalid(verifyCompact(compact, sign("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"b64\":true}", PAYLOAD, RSA,
                false)), RejectionReason.CRIT_UNSUPPORTED);
    }

    @Test
    void givenPayloadThatIsNotExactlyHeaderAndMessage_verify_reportsPayloadMismatch() throws Exception {
        String extra = b64("{\"header\":" + HEADER + ",\"message\":" + MESSAGE + ",\"x\":1}");
        assertInvalid(verifyCompact(compact, sign("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", extra, RSA, false)),
                RejectionReason.PAYLOAD_MISMATCH);
        assertInvalid(verifyCompact(compact, sign("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", b64("not json"), RSA,
                false)), RejectionReason.PAYLOAD_MISMATCH);
    }

    @Test
    void givenPayloadEqualAsValuesButWrittenDifferently_verify_accepts() throws Exception {
        String sameValues = b64("{\"message\":" + MESSAGE.replace("1.50", "1.5") + ",\"header\":" + HEADER + "}");
        assertThat(verifyCompact(compact, sign("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", sameValues, RSA, false)))
                .isEqualTo(new Verification.Verified("rsa-1"));
    }

    @Test
    void givenKeyDeclaringAnotherRegisteredAlgOrOnlyEncryption_verify_refusesTheKey() throws Exception {
        assertInvalid(verifyCompact(compact, sign("{\"alg\":\"RS256\",\"kid\":\"rsa-ps\"}", PAYLOAD, RSA_PS_ONLY,
                false)), RejectionReason.ALG_NOT_ALLOWED);
        assertInvalid(verifyCompact(compact, sign("{\"alg\":\"RS256\",\"kid\":\"rsa-ops\"}", PAYLOAD, RSA, false)),
                RejectionReason.KEY_USE_MISMATCH);
    }

    @Test
    void givenNoKidAndNoFittingKey_verify_triesARefetchThenReportsNoKey() throws Exception {
        FixedKeys ecOnly = new FixedKeys(EC.toPublicJWK());
        ProfileSignatureVerifier v = new ProfileSignatureVerifier(ecOnly, SignatureSettings.defaults());
        Verification verdict = v.verify(compact, envelope(quoted(sign("{\"alg\":\"RS256\"}", PAYLOAD, RSA, false)),
                HEADER, MESSAGE, null), NOW);
        assertInvalid(verdict, RejectionReason.UNKNOWN_KID);
        assertThat(ecOnly.refetches).hasValue(1);
    }

    @Test
    void givenDetachedSignatureOverRawBytes_verify_acceptsThemAndRefusesAnyChange() throws Exception {
        byte[] body = ("{\"signature\":null,\"header\":" + HEADER + ",\"message\":" + MESSAGE + "}\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String header = sign("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}",
                com.nimbusds.jose.util.Base64URL.encode(body).toString(), RSA, true);
        assertThat(verifier.verify(detached, TestMessages.raw(body, header), NOW))
                .isEqualTo(new Verification.Verified("rsa-1"));
        byte[] trimmed = java.util.Arrays.copyOf(body, body.length - 2);
        assertInvalid(verifier.verify(detached, TestMessages.raw(trimmed, header), NOW),
                RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void givenAttachedJwsInTheSignatureHeader_verify_saysMalformed() throws Exception {
        byte[] body = ("{\"header\":" + HEADER + ",\"message\":" + MESSAGE + "}").getBytes(StandardCharsets.UTF_8);
        String attached = sign("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}",
                com.nimbusds.jose.util.Base64URL.encode(body).toString(), RSA, false);
        assertInvalid(verifier.verify(detached, TestMessages.raw(body, attached), NOW), RejectionReason.MALFORMED);
    }

    @Test
    void givenDetachedEdDsa_verify_needsTheSenderToAllowIt() throws Exception {
        byte[] body = ("{\"header\":" + HEADER + ",\"message\":" + MESSAGE + "}").getBytes(StandardCharsets.UTF_8);
        String header = sign("{\"alg\":\"EdDSA\",\"kid\":\"ed-1\"}",
                com.nimbusds.jose.util.Base64URL.encode(body).toString(), ed, true);
        assertInvalid(verifier.verify(detached, TestMessages.raw(body, header), NOW), RejectionReason.ALG_NOT_ALLOWED);
        Sender allowsEdDsa = TestMessages.sender(SignatureProfile.JWS_DETACHED_HEADER, "EdDSA");
        assertThat(verifier.verify(allowsEdDsa, TestMessages.raw(body, header), NOW))
                .isEqualTo(new Verification.Verified("ed-1"));
    }

    @Test
    void givenProfileNone_verify_acceptsWithoutKey() {
        Sender none = Sender.register("dev.local", "dev", null, SignatureProfile.NONE, Set.of());
        assertThat(verifier.verify(none, envelope(null, HEADER, MESSAGE, null), NOW))
                .isEqualTo(new Verification.Verified(null));
    }
}
