package io.crvs.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Token generation and hashing. */
class ApiTokensTest {

    @Test
    void generate_givesPrefixedBase64UrlOf32Bytes_differentEachTime() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String token = ApiTokens.generate();
            assertThat(token).startsWith("crvs_").matches("crvs_[A-Za-z0-9_-]{43}");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(20);
    }

    @Test
    void generate_encodesTheRandomBytes() {
        SecureRandom zeros = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0xFB);
            }
        };
        assertThat(ApiTokens.generate(zeros)).isEqualTo("crvs_" + "-_v7".repeat(10) + "-_s");
    }

    @Test
    void hash_isLowerCaseHexSha256() {
        assertThat(ApiTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void matches_onlyTheTokenOfTheHash() {
        String token = ApiTokens.generate();
        String hash = ApiTokens.hash(token);

        assertThat(ApiTokens.matches(token, hash)).isTrue();
        assertThat(ApiTokens.matches(token + "x", hash)).isFalse();
        assertThat(ApiTokens.matches(token, hash.toUpperCase())).isFalse();
        assertThat(ApiTokens.matches(token, "")).isFalse();
    }
}
