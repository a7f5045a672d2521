package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL never lets a local process in without the password kept beside its data. */
class EmbeddedPasswordTest {

    @TempDir
    Path dir;

    @Test
    void newCluster_requiresThePassword_keptOwnerOnly() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, null)
                    .close()).isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER,
                    "guess").close()).isInstanceOf(SQLException.class).hasMessageContaining("password");
            DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password()).close();
            Path secret = dir.resolve("postgres.secret");
            assertThat(Files.readString(secret, StandardCharsets.US_ASCII).strip()).isEqualTo(server.password());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#].*trust\\s*$");
        }
    }

    @Test
    void clusterCreatedWithTrust_isSwitchedToPasswordOnStart() throws Exception {
        Path data = dir.resolve("old");
        String password;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false)) {
            password = server.password();
        }
        // simulate a cluster made by an earlier version: trust everywhere, no secret file
        Files.writeString(data.resolve("pg_hba.conf"), String.join("\n", List.of(
                "local all all trust", "host all all 127.0.0.1/32 trust", "host all all ::1/128 trust")) + "\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false)) {
            assertThat(server.password()).isEqualTo(password);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, null)
                    .close()).isInstanceOf(SQLException.class);
            DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, password).close();
        }
    }
}
