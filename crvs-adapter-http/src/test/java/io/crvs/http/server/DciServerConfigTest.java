package io.crvs.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DciServerConfigTest {

    @Test
    void defaults_areTheDocumentedValues() {
        DciServerConfig c = DciServerConfig.defaults();

        assertThat(c.basePath()).isEqualTo("/registry");
        assertThat(c.aliases()).containsExactly("/crvs");
        assertThat(c.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(c.allBasePaths()).containsExactly("/registry", "/crvs");
        assertThat(c.port()).isEqualTo(8080);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "registry", "/registry/", "/", "/a b", "/reg//x"})
    void givenMalformedBasePath_construct_rejects(String path) {
        assertThatThrownBy(() -> DciServerConfig.defaults().withPaths(path, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base path");
    }

    @Test
    void givenAliasRepeatingTheBase_construct_rejects() {
        assertThatThrownBy(() -> DciServerConfig.defaults().withPaths("/crvs", List.of("/crvs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats");
    }

    @Test
    void givenOutOfRangeNumbers_construct_rejects() {
        DciServerConfig d = DciServerConfig.defaults();
        assertThatThrownBy(() -> d.withPort(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withPort(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withBindHost(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DciServerConfig(0, "h", "/r", List.of(), 1, 0, 30))
                .hasMessageContaining("worker threads");
        assertThatThrownBy(() -> new DciServerConfig(0, "h", "/r", List.of(), 1, 1, 0))
                .hasMessageContaining("Retry-After");
    }

    @Test
    void aliases_areCopiedImmutably() {
        List<String> aliases = new java.util.ArrayList<>(List.of("/crvs"));
        DciServerConfig c = DciServerConfig.defaults().withPaths("/registry", aliases);
        aliases.add("/other");

        assertThat(c.aliases()).containsExactly("/crvs");
    }

    @Test
    void givenRouteActions_accepts_toleratesCaseAndSeparatorsOnly() {
        assertThat(DciRoute.TXN_ON_STATUS.accepts("txn/on-status")).isTrue();
        assertThat(DciRoute.TXN_ON_STATUS.accepts("TXN_ON_STATUS")).isTrue();
        assertThat(DciRoute.ON_SEARCH.accepts("search")).isFalse();
        assertThat(DciRoute.NOTIFY.accepts(null)).isFalse();
    }
}
