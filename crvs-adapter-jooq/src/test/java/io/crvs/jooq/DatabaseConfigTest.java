package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void givenNoUrlInEnvironment_fromEnvironment_usesEmbeddedDefaultDirectoryUnderWorkingDirectory() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(), null);

        assertThat(config.isEmbedded()).isTrue();
        assertThat(config.dataDirectory()).isEqualTo(Path.of("crvs-data", "postgres").toAbsolutePath());
        assertThat(config.maxPoolSize()).isEqualTo(DatabaseConfig.DEFAULT_POOL_SIZE);
        assertThat(config.connectionTimeout()).isEqualTo(DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT);
    }

    @Test
    void givenUrlUserPasswordInEnvironment_fromEnvironment_usesExternalServerAndHidesPassword() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(
                "CRVS_DB_URL", "jdbc:postgresql://db.internal:5432/crvs?ssl=true&password=leaked",
                "CRVS_DB_USER", "crvs", "CRVS_DB_PASSWORD", "s3cret"), null);

        assertThat(config.isEmbedded()).isFalse();
        assertThat(config.user()).isEqualTo("crvs");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.describe()).isEqualTo("PostgreSQL at jdbc:postgresql://db.internal:5432/crvs as crvs");
        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("leaked");
    }

    @Test
    void givenBlankUrl_config_meansEmbedded() {
        assertThat(DatabaseConfig.fromEnvironment(Map.of("CRVS_DB_URL", "  "), Path.of("/var/lib/crvs"))
                .isEmbedded()).isTrue();
    }

    @Test
    void givenInvalidValues_config_isRefused() {
        assertThatThrownBy(() -> DatabaseConfig.external("jdbc:mysql://x/y", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> DatabaseConfig.embedded(Path.of("d")).withMaxPoolSize(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseConfig.embedded(Path.of("d")).withConnectionTimeout(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
