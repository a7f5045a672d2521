package io.crvs.http.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.crvs.core.testing.MutableClock;
import io.crvs.http.signing.Ed25519SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnKeyStoreTest {
    private static final String US = "registry.example.gov";

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

    private OwnKeyStore open() {
        return OwnKeyStore.open(tmp.resolve("keys"), Duration.ofDays(7), clock);
    }

    private List<Path> keyFiles() throws Exception {
        try (Stream<Path> s = Files.list(tmp.resolve("keys"))) {
            return s.toList();
        }
    }

    private static List<JWK> jwks(OwnKeyStore store) throws Exception {
        return JWKSet.parse(store.publishedJwks()).getKeys();
    }

    @Test
    void generate_writesAPrivateFileInAPrivateDirectory_andPublishesThePublicKeyOnly() throws Exception {
        OwnKeyStore store = open();

        StoredKey key = store.generate(US);

        assertThat(key.kid()).startsWith(US + "|key-20260301T090000Z-").endsWith("|ed25519");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("keys"))))
                .isEqualTo("rwx------");
        assertThat(keyFiles()).singleElement().satisfies(f -> assertThat(
                PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        List<JWK> published = jwks(store);
        assertThat(published).singleElement().satisfies(jwk -> {
            assertThat(jwk.getKeyID()).isEqualTo(key.kid());
            assertThat(jwk.isPrivate()).isFalse();
        });
        String seed = Base64.getUrlEncoder().withoutPadding().encodeToString(store.signingKey().seed());
        assertThat(store.publishedJwks()).doesNotContain(seed).doesNotContain("\"d\"");
    }

    @Test
    void theSigningKey_signsWhatThePublishedKeyVerifies() throws Exception {
        OwnKeyStore store = open();
        store.generate(US);
        byte[] data = "(created): 1\n(expires): 2\ndigest: x".getBytes(StandardCharsets.UTF_8);

        Ed25519SigningKey signing = store.signingKey();
        byte[] signature = signing.sign(data);

        OctetKeyPair published = (OctetKeyPair) jwks(store).get(0);
        assertThat(published.getKeyID()).isEqualTo(signing.keyId());
        assertThat(Ed25519.verify(signature, 0, published.getDecodedX(), 0, data, 0, data.length)).isTrue();
    }

    @Test
    void givenAKeyAlready_generate_isRefused_butRotateReplacesIt() {
        OwnKeyStore store = open();
        StoredKey first = store.generate(US);

        assertThatThrownBy(() -> store.generate(US)).isInstanceOf(KeyStoreException.class)
                .hasMessageContaining("rotate");
        clock.advance(Duration.ofMinutes(1));
        StoredKey second = store.rotate(US);

        assertThat(store.signingKey().keyId()).isEqualTo(second.kid());
        assertThat(store.list()).extracting(StoredKey::kid, StoredKey::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(second.kid(), StoredKey.Status.ACTIVE),
                org.assertj.core.groups.Tuple.tuple(first.kid(), StoredKey.Status.RETIRED));
        assertThat(store.list().get(1).publishedUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
    }

    @Test
    void aRetiredKey_staysPublishedForTheOverlap_thenIsDroppedAndDeletedAtTheNextRotation() throws Exception {
        OwnKeyStore store = open();
        StoredKey first = store.generate(US);
        clock.advance(Duration.ofMinutes(1));
        StoredKey second = store.rotate(US);

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(jwks(store)).extracting(JWK::getKeyID).containsExactly(second.kid(), first.kid());

        clock.advance(Duration.ofSeconds(1));
        assertThat(jwks(store)).extracting(JWK::getKeyID).containsExactly(second.kid());
        assertThat(store.list().get(1).status()).isEqualTo(StoredKey.Status.EXPIRED);

        StoredKey third = store.rotate(US);
        assertThat(store.list()).extracting(StoredKey::kid).containsExactly(third.kid(), second.kid());
        assertThat(keyFiles()).hasSize(2);
    }

    @Test
    void aRotationIsSeenAtOnceByAnotherStoreOnTheSameDirectory() {
        OwnKeyStore server = open();
        OwnKeyStore cli = open();
        server.generate(US);
        clock.advance(Duration.ofSeconds(5));

        StoredKey rotated = cli.rotate(US);

        assertThat(server.signingKey().keyId()).isEqualTo(rotated.kid());
    }

    @Test
    void aDirectoryOrFileOthersMayRead_isRefused() throws Exception {
        OwnKeyStore store = open();
        store.generate(US);
        Path file = keyFiles().get(0);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(store::signingKey).isInstanceOf(KeyStoreException.class)
                .hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(tmp.resolve("keys"), PosixFilePermissions.fromString("rwxr-x---"));
        assertThatThrownBy(this::open).isInstanceOf(KeyStoreException.class).hasMessageContaining("chmod 700");
    }

    @Test
    void noKey_damagedFile_andBadSenderId_areClearErrors() throws Exception {
        OwnKeyStore store = open();
        assertThatThrownBy(store::signingKey).isInstanceOf(KeyStoreException.class)
                .hasMessageContaining("crvs keys generate");
        assertThat(store.publishedJwks()).isEqualTo("{\"keys\":[]}");
        assertThatThrownBy(() -> store.generate("bad id with spaces")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dci.sender-id");

        Path damaged = tmp.resolve("keys").resolve("key-x" + KeyFiles.SUFFIX);
        Files.writeString(damaged, "{not json");
        Files.setPosixFilePermissions(damaged, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(store::list).isInstanceOf(KeyStoreException.class).hasMessageContaining("damaged");
    }
}
