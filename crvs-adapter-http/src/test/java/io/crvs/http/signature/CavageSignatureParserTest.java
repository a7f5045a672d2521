package io.crvs.http.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CavageSignatureParserTest {

    private static final String SIG = Base64.getEncoder().encodeToString(new byte[64]);
    private static final String OPENSPP = "namespace=\"dci\", kidId=\"s.example|k-1|ed25519\", algorithm=\"ed25519\", "
            + "created=\"1767225600\", expires=\"1767225900\", headers=\"(created) (expires) digest\", signature=\""
            + SIG + "\"";

    @Test
    void givenOpenSppString_parse_readsEveryParameter() throws Exception {
        CavageSignature s = CavageSignatureParser.parse(OPENSPP);
        assertThat(s.kidId()).isEqualTo("s.example|k-1|ed25519");
        assertThat(s.algorithm()).isEqualTo("ed25519");
        assertThat(s.created()).isEqualTo(1767225600L);
        assertThat(s.expires()).isEqualTo(1767225900L);
        assertThat(s.signature()).hasSize(64);
        assertThat(s.namespace()).isEqualTo("dci");
    }

    @Test
    void givenSpecStyleWithPrefixKeyIdAndLooseSpacing_parse_acceptsIt() throws Exception {
        CavageSignature s = CavageSignatureParser.parse("Signature:  namespace=\"spdci\",keyId = \"s|k|ed25519\" ,"
                + "algorithm=ed25519,created=1,expires=\"2\",headers=\"(created)  (expires) digest\",signature=\""
                + SIG + "\"  ");
        assertThat(s.kidId()).isEqualTo("s|k|ed25519");
        assertThat(s.algorithm()).isEqualTo("ed25519");
        assertThat(s.created()).isEqualTo(1L);
        assertThat(s.namespace()).isEqualTo("spdci");
    }

    @Test
    void givenUnknownParameter_parse_ignoresIt() throws Exception {
        assertThat(CavageSignatureParser.parse(OPENSPP + ", extra=\"x\"").kidId()).isEqualTo("s.example|k-1|ed25519");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid-signature", "abc", "eyJhbGciOiJSUzI1NiJ9.", "!@#$%^&*()", "", "Signature:",
            "kidId=\"a|b|ed25519\" algorithm=\"ed25519\"", "kidId=\"unterminated"})
    void givenGarbage_parse_saysMalformed(String garbage) {
        assertThatThrownBy(() -> CavageSignatureParser.parse(garbage)).isInstanceOf(MalformedSignatureException.class);
    }

    @Test
    void givenFaultyParameters_parse_saysWhichRuleFailed() {
        assertMalformed(OPENSPP.replace("kidId=\"s.example|k-1|ed25519\", ", ""), "are required");
        assertMalformed(OPENSPP + ", kidId=\"x\"", "kidId repeated");
        assertMalformed(OPENSPP + ", keyId=\"other|k|ed25519\"", "kidId and keyId differ");
        assertMalformed(OPENSPP.replace("created=\"1767225600\"", "created=\"soon\""), "created must be Unix");
        assertMalformed(OPENSPP.replace("expires=\"1767225900\"", "expires=\"01767225900\""), "expires must be Unix");
        assertMalformed(OPENSPP.replace(SIG, "@@@"), "not base64");
        assertMalformed(OPENSPP.replace(SIG, Base64.getEncoder().encodeToString(new byte[63])), "not 64 bytes");
        assertMalformed(OPENSPP.replace("(created) (expires) digest", "digest"), "headers must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", "1.5", "1e9", "00", "1234567890123", "١٢"})
    void givenCreatedThatIsNotPlainUnixSeconds_parse_saysMalformed(String created) {
        assertMalformed(OPENSPP.replace("created=\"1767225600\"", "created=\"" + created + "\""),
                "created must be Unix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9", "123456789012"})
    void givenCreatedOfOneToTwelveDigits_parse_readsIt(String created) throws Exception {
        CavageSignature sig = CavageSignatureParser.parse(
                OPENSPP.replace("created=\"1767225600\"", "created=\"" + created + "\""));
        assertThat(sig.created()).isEqualTo(Long.parseLong(created));
    }

    private static void assertMalformed(String value, String message) {
        assertThatThrownBy(() -> CavageSignatureParser.parse(value)).isInstanceOf(MalformedSignatureException.class)
                .hasMessageContaining(message);
    }
}
