package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.ApiUser;
import io.crvs.core.domain.Role;
import io.crvs.core.testing.TestEvents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class JooqApiUserStoreTest {
    private static PostgresDatabase db;
    private JooqApiUserStore store;

    @org.junit.jupiter.api.BeforeAll
    static void startDatabase() {
        db = TestPostgres.freshDatabase();
    }

    @org.junit.jupiter.api.AfterAll
    static void stopDatabase() {
        db.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void createStore() {
        store = new JooqApiUserStore(new JooqTransactions(db.dataSource()));
    }

    private static String hash(String seed) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void savedUser_isFoundByTokenHashAndListed() {
        String name = TestEvents.unique("alice");
        ApiUser alice = new ApiUser(name, Role.ADMIN, hash(name), Instant.now().truncatedTo(ChronoUnit.MICROS), true);

        store.save(alice);

        assertThat(store.findByTokenHash(hash(name))).contains(alice);
        assertThat(store.list()).contains(alice);
        assertThat(store.findByTokenHash(hash(name + "x"))).isEmpty();
    }

    @Test
    void savingTheSameNameAgain_replacesRoleAndToken() {
        String name = TestEvents.unique("bob");
        store.save(new ApiUser(name, Role.ADMIN, hash(name), Instant.now().truncatedTo(ChronoUnit.MICROS), true));
        ApiUser rotated = new ApiUser(name, Role.USER, hash(name + "-2"), Instant.now().truncatedTo(ChronoUnit.MICROS),
                false);

        store.save(rotated);

        assertThat(store.findByTokenHash(hash(name))).isEmpty();
        assertThat(store.findByTokenHash(hash(name + "-2"))).contains(rotated);
    }
}
