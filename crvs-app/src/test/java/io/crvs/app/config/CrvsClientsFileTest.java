package io.crvs.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.http.client.CrvsEndpoint;
import io.crvs.http.client.SearchMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrvsClientsFileTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path f = dir.resolve("outbound.properties");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void everyOption_isRead_perCrvs_withDefaults() throws Exception {
        Path f = file("""
                crvs.crvs.example.gov.base-url=https://crvs.example.gov/api
                crvs.crvs.example.gov.path-prefix=/crvs
                crvs.crvs.example.gov.search-path=/crvs/async-search
                crvs.crvs.example.gov.search-mode=async
                crvs.crvs.example.gov.profile=jws-compact
                crvs.crvs.example.gov.receiver-id=crvs-gateway
                crvs.crvs.example.gov.connect-timeout=PT2S
                crvs.crvs.example.gov.read-timeout=PT20S
                crvs.crvs.example.gov.attempts=5
                crvs.crvs.example.gov.retry-backoff=PT0.5S
                crvs.crvs.example.gov.token-url=https://crvs.example.gov/oauth2/client/token
                crvs.crvs.example.gov.client-id=registry
                crvs.crvs.example.gov.client-secret-env=CRVS_SECRET
                crvs.crvs.example.gov.scope=registry.search
                crvs.urn\\:other.base-url=http://127.0.0.1:9999
                """);

        List<CrvsEndpoint> all = CrvsClientsFile.read(f, Map.of("CRVS_SECRET", "s3cret"));

        assertThat(all).extracting(CrvsEndpoint::crvsId).containsExactly("crvs.example.gov", "urn:other");
        CrvsEndpoint e = all.get(0);
        assertThat(e.baseUrl()).isEqualTo(URI.create("https://crvs.example.gov/api"));
        assertThat(e.paths().syncSearch()).isEqualTo("/crvs/sync/search");
        assertThat(e.paths().search()).isEqualTo("/crvs/async-search");
        assertThat(e.searchMode()).isEqualTo(SearchMode.ASYNC);
        assertThat(e.profile()).isEqualTo(SignatureProfile.JWS_COMPACT);
        assertThat(e.receiverId()).isEqualTo("crvs-gateway");
        assertThat(e.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(e.maxAttempts()).isEqualTo(5);
        assertThat(e.oauth2().clientSecret()).isEqualTo("s3cret");
        assertThat(e.oauth2().toString()).doesNotContain("s3cret");
        CrvsEndpoint other = all.get(1);
        assertThat(other.paths().syncSearch()).isEqualTo("/registry/sync/search");
        assertThat(other.profile()).isEqualTo(SignatureProfile.DCI_CAVAGE_ED25519);
        assertThat(other.receiverId()).isEqualTo("urn:other");
        assertThat(other.oauth2()).isNull();
        assertThat(CrvsClientsFile.read(null, Map.of())).isEmpty();
    }

    @Test
    void mistakes_stopTheStartNamingTheKey() throws Exception {
        assertThatThrownBy(() -> CrvsClientsFile.read(file("crvs.x.base-url=https://x\ncrvs.x.colour=red\n"),
                Map.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> CrvsClientsFile.read(file("something=else\n"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("crvs.<sender id>.<option>");
        assertThatThrownBy(() -> CrvsClientsFile.read(file("crvs.x.profile=none\n"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("crvs.x.base-url is required");
        assertThatThrownBy(() -> CrvsClientsFile.read(file("crvs.x.base-url=https://x\ncrvs.x.read-timeout=30s\n"),
                Map.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("crvs.x.read-timeout");
        assertThatThrownBy(() -> CrvsClientsFile.read(file("crvs.x.base-url=https://x\ncrvs.x.profile=none\n"),
                Map.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("dci-cavage-ed25519");
        assertThatThrownBy(() -> CrvsClientsFile.read(file("crvs.x.base-url=https://x\n"
                + "crvs.x.token-url=https://x/t\ncrvs.x.client-id=a\ncrvs.x.client-secret-env=MISSING\n"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("MISSING");
        assertThatThrownBy(() -> CrvsClientsFile.read(file("crvs.x.base-url=ftp://x\n"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http(s)");
    }
}
