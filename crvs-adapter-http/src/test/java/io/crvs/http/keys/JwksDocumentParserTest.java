package io.crvs.http.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.crvs.http.signature.InteropFolder;
import org.junit.jupiter.api.Test;

class JwksDocumentParserTest {

    @Test
    void givenInteropJwks_parse_keepsEveryKeyInOrder() throws Exception {
        ParsedJwks parsed = JwksDocumentParser.parse(
                InteropFolder.text("jwks/crvs.example.gov.jws-compact.jwks.json"));
        assertThat(parsed.usable()).extracting(k -> k.getKeyType().getValue())
                .containsExactly("RSA", "RSA", "EC", "RSA");
        assertThat(parsed.skipped()).isEmpty();
    }

    @Test
    void givenUnusableEntries_parse_skipsEachWithAReason() throws Exception {
        String smallRsa = new RSAKeyGenerator(1024, true).keyID("small").generate().toPublicJWK().toJSONString();
        String doc = TestJwks.withEntries(
                "{\"kty\":\"OKP\",\"crv\":\"Ed448\",\"kid\":\"ed448\",\"x\":\"" + "A".repeat(76) + "\"}",
                "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"kid\":\"x25519\",\"x\":\"" + "A".repeat(43) + "\"}",
                "{\"kty\":\"XYZ\",\"kid\":\"unknown-kty\"}",
                "{\"kty\":\"RSA\",\"kid\":\"rsa-no-e\",\"n\":\"" + "q".repeat(342) + "\"}",
                "{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"c2VjcmV0\"}",
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"short\",\"x\":\"AAAA\"}",
                smallRsa, "\"not an object\"",
                TestJwks.currentKeyEntry().toString());

        ParsedJwks parsed = JwksDocumentParser.parse(doc);

        assertThat(parsed.usable()).extracting(JWK::getKeyID).containsExactly(TestJwks.CURRENT_KID);
        assertThat(parsed.skipped()).hasSize(8);
        assertThat(parsed.skipped().get(0)).contains("entry 0").contains("Ed448");
        assertThat(parsed.skipped().get(4)).contains("hmac").contains("cannot verify");
        assertThat(parsed.skipped().get(6)).contains("small").contains("2048");
    }

    @Test
    void givenPrivateKeyPublishedByMistake_parse_keepsOnlyThePublicPart() throws Exception {
        RSAKey full = new RSAKeyGenerator(2048).keyID("leaked").generate();
        ParsedJwks parsed = JwksDocumentParser.parse(TestJwks.withEntries(full.toJSONString()));
        assertThat(parsed.usable()).singleElement().satisfies(k -> {
            assertThat(k.isPrivate()).isFalse();
            assertThat(k.getKeyID()).isEqualTo("leaked");
        });
    }

    @Test
    void givenNoJwks_parse_refusesTheDocument() {
        assertThatThrownBy(() -> JwksDocumentParser.parse("not json")).isInstanceOf(JwksFormatException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> JwksDocumentParser.parse("{\"keys\":{}}")).isInstanceOf(JwksFormatException.class)
                .hasMessageContaining("no \"keys\" array");
        assertThatThrownBy(() -> JwksDocumentParser.parse("{\"keys\":[]}")).isInstanceOf(JwksFormatException.class)
                .hasMessageContaining("no usable key");
    }
}
