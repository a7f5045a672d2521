package io.crvs.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaults_areTheDocumentedOnes() {
        CrvsConfig c = ConfigLoader.load(null, Map.of(), Map.of());
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.http().basePath()).isEqualTo("/registry");
        assertThat(c.http().aliases()).containsExactly("/crvs");
        assertThat(c.http().bodyLimit()).isEqualTo(1024 * 1024);
        assertThat(c.database().embedded()).isTrue();
        assertThat(c.workers().count()).isEqualTo(1);
        assertThat(c.workers().batchSize()).isEqualTo(200);
        assertThat(c.workers().retry().noMatchWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(c.security().futureSkew()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void environmentOverridesFile_andOptionsOverrideEnvironment() throws Exception {
        Path file = dir.resolve("crvs.properties");
        Files.writeString(file, "http.port=9000\nworkers.count=5\ndb.url=jdbc:postgresql://db/crvs\n");
        CrvsConfig c = ConfigLoader.load(file, Map.of("CRVS_WORKERS_COUNT", "7", "CRVS_HTTP_ALIASES", "/crvs,/dci"),
                Map.of(Setting.WORKERS, "3"));
        assertThat(c.http().port()).isEqualTo(9000);
        assertThat(c.workers().count()).isEqualTo(3);
        assertThat(c.http().aliases()).containsExactly("/crvs", "/dci");
        assertThat(c.database().embedded()).isFalse();
        assertThat(c.database().url()).isEqualTo("jdbc:postgresql://db/crvs");
    }

    @Test
    void badValue_namesTheSetting() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CRVS_HTTP_PORT", "eighty"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http.port")
                .hasMessageContaining("CRVS_HTTP_PORT");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CRVS_WORKERS_LEASE", "2 minutes"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("workers.lease");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CRVS_HTTP_BASE_PATH", "registry"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("base path");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CRVS_DB_URL", "mysql://x"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void valueRefusedByItsGroup_namesTheGroupOfSettings() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CRVS_HTTP_BODY_LIMIT", "10"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("settings http.*: ")
                .hasMessageContaining("body limit");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CRVS_RETRY_JITTER", "2"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("settings retry.*: ")
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CRVS_WORKERS_LEASE", "PT0.1S"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("settings workers.*: ");
    }

    @Test
    void unknownKeyInFile_isRefused() throws Exception {
        Path file = dir.resolve("crvs.properties");
        Files.writeString(file, "http.prot=9000\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http.prot");
    }

    @Test
    void missingFile_isAClearError() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot read configuration file");
    }

    @Test
    void readmeDocumentsEverySetting() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Setting s : Setting.values()) {
            assertThat(readme).as("README documents " + s.key()).contains("`" + s.key() + "`").contains(s.env());
        }
    }

    @Test
    void outboundSettings_haveDefaults_andAreValidated() {
        CrvsConfig c = ConfigLoader.load(null, Map.of(), Map.of());
        assertThat(c.outbound().senderId()).isEmpty();
        assertThat(c.outbound().keysDir()).isEqualTo(Path.of("crvs-data/keys"));
        assertThat(c.outbound().keyOverlap()).isEqualTo(Duration.ofDays(7));
        assertThat(c.outbound().crvsFile()).isNull();
        assertThat(c.outbound().callbackUrl()).isNull();
        assertThat(c.outbound().reconcileBatch()).isEqualTo(50);

        CrvsConfig set = ConfigLoader.load(null, Map.of("CRVS_DCI_SENDER_ID", "registry.gov",
                "CRVS_OUTBOUND_CALLBACK_URL", "https://registry.gov/registry"), Map.of());
        assertThat(set.outbound().senderId()).isEqualTo("registry.gov");
        assertThat(set.outbound().callbackUrl().toString()).isEqualTo("https://registry.gov/registry");

        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CRVS_OUTBOUND_CALLBACK_URL", "registry/cb"),
                Map.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("outbound.callback-url");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CRVS_DCI_SENDER_ID", "bad id"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dci.sender-id");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CRVS_RECONCILE_BATCH_SIZE", "0"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reconcile.batch-size");
    }
}
