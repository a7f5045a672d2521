package io.crvs.http.keys;

import static io.crvs.http.keys.TestJwks.CURRENT_KID;
import static io.crvs.http.keys.TestJwks.VERIFY_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.RejectionReason;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.Verification;
import io.crvs.core.port.out.KeyFetchException;
import io.crvs.core.port.out.KeysUnavailableException;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.core.testing.MutableClock;
import io.crvs.http.signature.ProfileSignatureVerifier;
import io.crvs.http.signature.SignatureSettings;
import java.io.IOException;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.port.out.SenderRegistry;
import io.crvs.core.port.out.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key cache against a stub JWKS host, through the real fetcher and the cavage verifier. */
class SenderKeyCacheTest {

    private final MutableClock clock = new MutableClock(VERIFY_AT);
    private final InMemorySenderRegistry registry = new InMemorySenderRegistry();
    private final KeySettings settings = KeySettings.defaults()
            .withFetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), KeySettings.DEFAULT_MAX_DOCUMENT_BYTES);
    private JwksStubServer host;
    private Sender sender;
    private SenderKeyCache cache;
    private ProfileSignatureVerifier verifier;

    @BeforeEach
    void start() throws IOException {
        host = new JwksStubServer();
        sender = registry.save(TestJwks.cavageSender(host.url()));
        cache = newCache();
        verifier = new ProfileSignatureVerifier(cache, SignatureSettings.defaults());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private SenderKeyCache newCache() {
        return new SenderKeyCache(new JwksKeyFetcher(settings, clock), registry, settings, clock, Runnable::run);
    }

    /** Verifies {@code cav-birth} (possibly with another key id) at its own time, whatever the cache's clock. */
    private Verification verifyBirth(String keyPart) {
        return verifier.verify(sender, TestJwks.cavBirth(keyPart), VERIFY_AT);
    }

    private static void assertRejected(Verification v, RejectionReason reason) {
        assertThat(v).isInstanceOf(Verification.Rejected.class);
        Verification.Rejected r = (Verification.Rejected) v;
        assertThat(r.code().code()).isEqualTo("err.signature.invalid");
        assertThat(r.reason()).isEqualTo(reason);
    }

    @Test
    void givenRotatedKey_verify_refetchesExactlyOnceThenUsesTheNewKey() {
        host.serve(TestJwks.previousKeyOnly());
        assertThat(cache.keysFor(sender).keys()).hasSize(1);
        assertThat(host.requests()).isEqualTo(1);

        host.serve(TestJwks.bothKeys()); // the sender rotates: the new key signs cav-birth
        assertThat(verifyBirth(null)).isEqualTo(new Verification.Verified(CURRENT_KID));
        assertThat(host.requests()).isEqualTo(2);

        assertThat(verifyBirth(null)).isEqualTo(new Verification.Verified(CURRENT_KID));
        assertThat(host.requests()).isEqualTo(2);
        assertThat(registry.find(TestJwks.SENDER_ID).orElseThrow().keys().jwksJson()).isEqualTo(TestJwks.bothKeys());
    }

    @Test
    void givenFloodOfRandomKids_verify_fetchesAtMostOncePerCooldown() {
        host.serve(TestJwks.bothKeys());
        cache.keysFor(sender);
        assertThat(host.requests()).isEqualTo(1);

        for (int i = 0; i < 50; i++) {
            assertRejected(verifyBirth("random-" + i), RejectionReason.UNKNOWN_KID);
        }
        assertThat(host.requests()).isEqualTo(2);

        clock.advance(settings.fetchCooldown().minusSeconds(1));
        assertRejected(verifyBirth("random-late"), RejectionReason.UNKNOWN_KID);
        assertThat(host.requests()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            assertRejected(verifyBirth("random-again-" + i), RejectionReason.UNKNOWN_KID);
        }
        assertThat(host.requests()).isEqualTo(3);
    }

    @Test
    void givenHostDown_verify_usesLastGoodKeysUntilTheStalenessBoundThenThrows() {
        host.serve(TestJwks.bothKeys());
        assertThat(verifyBirth(null)).isInstanceOf(Verification.Verified.class);
        host.failWith(503);

        clock.advance(settings.ttl().plusSeconds(1)); // expired: one failed attempt, stale keys serve
        assertThat(verifyBirth(null)).isEqualTo(new Verification.Verified(CURRENT_KID));
        assertThat(host.requests()).isEqualTo(2);
        Sender stored = registry.find(TestJwks.SENDER_ID).orElseThrow();
        assertThat(stored.lastKeyFetchError()).contains("503");
        assertThat(stored.keys().jwksJson()).isEqualTo(TestJwks.bothKeys());

        assertThat(verifyBirth(null)).isInstanceOf(Verification.Verified.class); // within cooldown: no attempt
        assertThat(host.requests()).isEqualTo(2);

        clock.set(VERIFY_AT.plus(settings.maxStaleness()));
        assertThat(verifyBirth(null)).isInstanceOf(Verification.Verified.class); // exactly at the bound
        clock.set(VERIFY_AT.plus(settings.maxStaleness()).plusSeconds(1));
        assertThatThrownBy(() -> verifyBirth(null)).isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining("stale");

        host.serve(TestJwks.bothKeys()); // back up: after the cooldown the next request refreshes
        clock.advance(settings.fetchCooldown());
        assertThat(verifyBirth(null)).isInstanceOf(Verification.Verified.class);
        assertThat(registry.find(TestJwks.SENDER_ID).orElseThrow().lastKeyFetchError()).isNull();
    }

    @Test
    void givenNoKeysEverAndHostDown_verify_throwsKeysUnavailableNotARejection() {
        host.close();
        assertThatThrownBy(() -> verifyBirth(null)).isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining("no keys");
        assertThat(registry.find(TestJwks.SENDER_ID).orElseThrow().lastKeyFetchError()).isNotBlank();
    }

    @Test
    void givenStoredDocumentAndHostDown_afterRestart_verifiesFromTheStoredKeys() {
        host.serve(TestJwks.bothKeys());
        cache.fetchNow(sender);
        host.close();

        clock.advance(Duration.ofHours(3));
        Sender restored = registry.find(TestJwks.SENDER_ID).orElseThrow();
        assertThat(restored.keys()).isNotNull();
        ProfileSignatureVerifier afterRestart = new ProfileSignatureVerifier(newCache(), SignatureSettings.defaults());
        assertThat(afterRestart.verify(restored, TestJwks.cavBirth(null), VERIFY_AT))
                .isEqualTo(new Verification.Verified(CURRENT_KID));

        clock.advance(settings.maxStaleness());
        ProfileSignatureVerifier muchLater = new ProfileSignatureVerifier(newCache(), SignatureSettings.defaults());
        Sender stale = registry.find(TestJwks.SENDER_ID).orElseThrow();
        assertThatThrownBy(() -> muchLater.verify(stale, TestJwks.cavBirth(null), VERIFY_AT))
                .isInstanceOf(KeysUnavailableException.class);
    }

    @Test
    void givenJwksWithUnusableEntries_fetchNow_keepsTheUsableKeysAndListsTheOthers() {
        host.serve(TestJwks.withEntries(
                "{\"kty\":\"OKP\",\"crv\":\"Ed448\",\"kid\":\"ed448\",\"x\":\"" + "A".repeat(76) + "\"}",
                "{\"kty\":\"XYZ\",\"kid\":\"unknown-kty\"}",
                "{\"kty\":\"RSA\",\"kid\":\"rsa-no-e\",\"n\":\"" + "q".repeat(342) + "\"}",
                "{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"c2VjcmV0\"}",
                TestJwks.currentKeyEntry().toString()));

        KeyFetchSummary summary = cache.fetchNow(sender);

        assertThat(summary.keys()).containsExactly(new KeySummary(CURRENT_KID, "OKP", "EdDSA", "sig"));
        assertThat(summary.skipped()).hasSize(4);
        assertThat(summary.sourceUrl()).isEqualTo(host.url());
        assertThat(summary.fetchedAt()).isEqualTo(VERIFY_AT);
        assertThat(verifyBirth(null)).isEqualTo(new Verification.Verified(CURRENT_KID));
        assertThat(host.requests()).isEqualTo(1);
    }

    @Test
    void givenKeysNearExpiry_keysFor_refreshesAheadAndKeepsServing() {
        host.serve(TestJwks.previousKeyOnly());
        cache.keysFor(sender);
        host.serve(TestJwks.bothKeys());

        clock.advance(settings.ttl().minus(settings.refreshAhead()).minusSeconds(1));
        assertThat(cache.keysFor(sender).keys()).hasSize(1);
        assertThat(host.requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1)); // inside the refresh-ahead window (executor runs inline here)
        cache.keysFor(sender);
        assertThat(host.requests()).isEqualTo(2);
        assertThat(cache.keysFor(sender).keys()).hasSize(2);
    }

    @Test
    void givenCooldownRunning_fetchNow_stillFetchesAndAFailureIsReportedAndRecorded() {
        host.serve(TestJwks.bothKeys());
        cache.fetchNow(sender);
        cache.fetchNow(sender);
        assertThat(host.requests()).isEqualTo(2);

        host.failWith(404);
        assertThatThrownBy(() -> cache.fetchNow(sender)).isInstanceOf(KeyFetchException.class)
                .hasMessageContaining("404");
        assertThat(registry.find(TestJwks.SENDER_ID).orElseThrow().lastKeyFetchError()).contains("404");
        assertThat(cache.keysFor(sender).keys()).hasSize(2); // the last good keys stay
    }

    @Test
    void givenJwksUrlChanged_keysFor_dropsKeysFromTheOldUrl() throws IOException {
        host.serve(TestJwks.bothKeys());
        cache.keysFor(sender);
        try (JwksStubServer other = new JwksStubServer()) {
            other.serve(TestJwks.previousKeyOnly());
            Sender moved = TestJwks.cavageSender(other.url());
            assertThat(cache.keysFor(moved).keys()).hasSize(1);
            assertThat(cache.keysFor(moved).sourceUrl()).isEqualTo(other.url());
            assertThat(other.requests()).isEqualTo(1);
        }
    }

    @Test
    void givenNoRefreshAhead_keysFor_picksUpAChangedJwksOnlyWhenTheTtlRunsOut() {
        KeySettings plainTtl = settings.withTtl(Duration.ofMinutes(5), Duration.ZERO);
        SenderKeyCache plain = new SenderKeyCache(new JwksKeyFetcher(plainTtl, clock), registry, plainTtl, clock,
                Runnable::run);
        host.serve(TestJwks.previousKeyOnly());
        plain.keysFor(sender);
        host.serve(TestJwks.bothKeys());

        clock.advance(plainTtl.ttl().minusSeconds(1));
        assertThat(plain.keysFor(sender).keys()).hasSize(1);
        assertThat(host.requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(plain.keysFor(sender).keys()).hasSize(2);
        assertThat(host.requests()).isEqualTo(2);
    }

    @Test
    void givenManyThreadsAndNoKeysYet_keysFor_fetchesOnce() throws Exception {
        host.serve(TestJwks.bothKeys());
        int threads = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<SenderKeySet>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return cache.keysFor(sender);
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<SenderKeySet> r : results) {
                assertThat(r.get().keys()).hasSize(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(host.requests()).isEqualTo(1);
    }

    @Test
    void givenRegistryThatCannotBeWritten_keysFor_stillServesTheFetchedKeys() {
        SenderRegistry broken = new SenderRegistry() {
            @Override
            public Optional<Sender> find(String senderId) {
                return Optional.empty();
            }

            @Override
            public List<Sender> list() {
                return List.of();
            }

            @Override
            public Sender save(Sender s) {
                return s;
            }

            @Override
            public boolean delete(String senderId) {
                return false;
            }

            @Override
            public void saveKeys(String senderId, SenderKeys keys) {
                throw new StoreUnavailableException("database down", null);
            }

            @Override
            public void recordFetchFailure(String senderId, Instant at, String error) {
                throw new StoreUnavailableException("database down", null);
            }
        };
        SenderKeyCache withBrokenRegistry = new SenderKeyCache(new JwksKeyFetcher(settings, clock), broken, settings,
                clock, Runnable::run);
        host.serve(TestJwks.bothKeys());
        assertThat(withBrokenRegistry.keysFor(sender).keys()).hasSize(2);
        host.failWith(500);
        assertThatThrownBy(() -> withBrokenRegistry.fetchNow(sender)).isInstanceOf(KeyFetchException.class)
                .hasMessageContaining("HTTP 500");
    }
}
