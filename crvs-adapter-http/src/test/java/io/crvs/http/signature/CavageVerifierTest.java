package io.crvs.http.signature;

import static io.crvs.http.signature.TestMessages.HEADER;
import static io.crvs.http.signature.TestMessages.MESSAGE;
import static io.crvs.http.signature.TestMessages.envelope;
import static io.crvs.http.signature.TestMessages.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.crvs.core.domain.DciErrorCode;
import io.crvs.core.domain.RejectionReason;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.Verification;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Profile dci-cavage-ed25519 rules beyond the interop vectors. */
class CavageVerifierTest {

    private static final long CREATED = 1_767_225_600L;
    private static final Instant NOW = Instant.ofEpochSecond(CREATED + 10);
    private static final String KID = "crvs.example.gov|k-1|ed25519";

    private final Ed25519TestKey key = new Ed25519TestKey(KID);
    private final Ed25519TestKey encKey = new Ed25519TestKey("crvs.example.gov|k-enc|ed25519");
    private static final com.nimbusds.jose.jwk.RSAKey RSA = generateRsa();
    private final FixedKeys keys;
    private final ProfileSignatureVerifier verifier;
    private final Sender sender = TestMessages.sender(SignatureProfile.DCI_CAVAGE_ED25519);

    CavageVerifierTest() {
        keys = new FixedKeys(key.jwk(KeyUse.SIGNATURE), encKey.jwk(KeyUse.ENCRYPTION), RSA.toPublicJWK());
        verifier = new ProfileSignatureVerifier(keys,
                new SignatureSettings(Duration.ofSeconds(60), Duration.ofHours(1)));
    }

    private static com.nimbusds.jose.jwk.RSAKey generateRsa() {
        try {
            return new RSAKeyGenerator(2048).keyID("crvs.example.gov|k-rsa|ed25519").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Verification verify(String signature) {
        return verifier.verify(sender, envelope(quoted(signature), HEADER, MESSAGE, null), NOW);
    }

    private static void assertRejected(Verification v, DciErrorCode code, RejectionReason reason) {
        assertThat(v).isInstanceOf(Verification.Rejected.class);
        assertThat(((Verification.Rejected) v).code()).isEqualTo(code);
        assertThat(((Verification.Rejected) v).reason()).isEqualTo(reason);
    }

    @Test
    void givenFreshSignature_verify_namesTheKey() throws Exception {
        assertThat(verify(key.cavage(KID, "ed25519", CREATED, CREATED + 300, HEADER, MESSAGE)))
                .isEqualTo(new Verification.Verified(KID));
    }

    @Test
    void givenValidityOverTheMaximum_verify_rejectsAsTooLong() throws Exception {
        assertThat(verify(key.cavage(KID, "ed25519", CREATED, CREATED + 3600, HEADER, MESSAGE)))
                .isInstanceOf(Verification.Verified.class);
        assertRejected(verify(key.cavage(KID, "ed25519", CREATED, CREATED + 3601, HEADER, MESSAGE)),
                DciErrorCode.SIGNATURE_INVALID, RejectionReason.VALIDITY_TOO_LONG);
    }

    @Test
    void givenExpiresBeforeCreated_verify_rejectsAsMalformed() throws Exception {
        assertRejected(verify(key.cavage(KID, "ed25519", CREATED, CREATED - 1, HEADER, MESSAGE)),
                DciErrorCode.SIGNATURE_INVALID, RejectionReason.MALFORMED);
    }

    @Test
    void givenSenderWhoseAllowListLacksEd25519_verify_rejectsTheAlgorithm() throws Exception {
        Sender rsaOnly = TestMessages.sender(SignatureProfile.DCI_CAVAGE_ED25519, "RS256");
        Verification v = verifier.verify(rsaOnly, envelope(quoted(key.cavage(KID, "ed25519", CREATED, CREATED + 300,
                HEADER, MESSAGE)), HEADER, MESSAGE, null), NOW);
        assertRejected(v, DciErrorCode.SIGNATURE_INVALID, RejectionReason.ALG_NOT_ALLOWED);
        Sender eddsa = TestMessages.sender(SignatureProfile.DCI_CAVAGE_ED25519, "EdDSA");
        assertThat(verifier.verify(eddsa, envelope(quoted(key.cavage(KID, "ed25519", CREATED, CREATED + 300,
                HEADER, MESSAGE)), HEADER, MESSAGE, null), NOW)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void givenKidIdOfWrongShapeOrAlgorithm_verify_rejectsIt() throws Exception {
        assertRejected(verify(key.cavage("k-1", "ed25519", CREATED, CREATED + 300, HEADER, MESSAGE)),
                DciErrorCode.SIGNATURE_INVALID, RejectionReason.MALFORMED);
        assertRejected(verify(key.cavage("crvs.example.gov|k-1|rs256", "ed25519", CREATED, CREATED + 300, HEADER,
                MESSAGE)), DciErrorCode.SIGNATURE_INVALID, RejectionReason.ALG_NOT_ALLOWED);
    }

    @Test
    void givenKidOfAnEncryptionOrNonEd25519Key_verify_rejectsTheKey() throws Exception {
        assertRejected(verify(encKey.cavage(encKey.kid, "ed25519", CREATED, CREATED + 300, HEADER, MESSAGE)),
                DciErrorCode.SIGNATURE_INVALID, RejectionReason.KEY_USE_MISMATCH);
        assertRejected(verify(key.cavage("crvs.example.gov|k-rsa|ed25519", "ed25519", CREATED, CREATED + 300,
                HEADER, MESSAGE)), DciErrorCode.SIGNATURE_INVALID, RejectionReason.ALG_NOT_ALLOWED);
    }

    @Test
    void givenUnknownKid_verify_asksForOneRefetchThenRejects() throws Exception {
        assertRejected(verify(key.cavage("crvs.example.gov|k-9|ed25519", "ed25519", CREATED, CREATED + 300, HEADER,
                MESSAGE)), DciErrorCode.SIGNATURE_INVALID, RejectionReason.UNKNOWN_KID);
        assertThat(keys.refetches).hasValue(1);
    }

    @Test
    void givenExpiredSignature_verify_rejectsBeforeLookingUpTheKey() throws Exception {
        assertRejected(verify(key.cavage("crvs.example.gov|k-9|ed25519", "ed25519", CREATED - 400, CREATED - 100,
                HEADER, MESSAGE)), DciErrorCode.SIGNATURE_INVALID, RejectionReason.EXPIRED);
        assertThat(keys.refetches).hasValue(0);
    }

    @Test
    void givenBlankSignatureOrNonStringSignature_verify_saysMissing() {
        Verification blank = verifier.verify(sender, envelope("\"   \"", HEADER, MESSAGE, null), NOW);
        assertRejected(blank, DciErrorCode.SIGNATURE_MISSING, RejectionReason.MISSING);
        Verification number = verifier.verify(sender, envelope("42", HEADER, MESSAGE, null), NOW);
        assertRejected(number, DciErrorCode.SIGNATURE_MISSING, RejectionReason.MISSING);
    }

    @Test
    void givenEnvelopeWithoutMessage_verify_rejectsTheRequest() throws Exception {
        String sig = key.cavage(KID, "ed25519", CREATED, CREATED + 300, HEADER, MESSAGE);
        byte[] body = ("{\"signature\":" + quoted(sig) + ",\"header\":" + HEADER + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertRejected(verifier.verify(sender, TestMessages.raw(body, null), NOW), DciErrorCode.REQUEST_BAD,
                RejectionReason.MALFORMED);
    }

    @Test
    void givenNumbersReformattedAfterSigning_verify_stillVerifiesWhenPythonWouldReadTheSameValues()
            throws Exception {
        String sig = key.cavage(KID, "ed25519", CREATED, CREATED + 300, HEADER, MESSAGE);
        String sameValues = MESSAGE.replace("1.50", "1.5e0").replace("\"Zo\u00eb", "\"Zo\\u00eb");
        assertThat(verifier.verify(sender, envelope(quoted(sig), HEADER, sameValues, null), NOW))
                .isEqualTo(new Verification.Verified(KID));
        String otherType = MESSAGE.replace("\"n\":7", "\"n\":7.0");
        assertRejected(verifier.verify(sender, envelope(quoted(sig), HEADER, otherType, null), NOW),
                DciErrorCode.SIGNATURE_INVALID, RejectionReason.BAD_SIGNATURE);
    }
}
