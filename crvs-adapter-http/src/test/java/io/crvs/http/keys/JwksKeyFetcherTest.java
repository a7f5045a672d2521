package io.crvs.http.keys;

import static io.crvs.http.keys.TestJwks.VERIFY_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.SenderKeys;
import io.crvs.core.port.out.KeyFetchException;
import io.crvs.core.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwksKeyFetcherTest {

    private final MutableClock clock = new MutableClock(VERIFY_AT);
    private JwksStubServer host;

    @BeforeEach
    void start() throws IOException {
        host = new JwksStubServer();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private static JwksKeyFetcher fetcher(Duration read, int maxBytes) {
        return new JwksKeyFetcher(KeySettings.defaults().withFetchLimits(Duration.ofSeconds(2), read, maxBytes),
                new MutableClock(VERIFY_AT));
    }

    @Test
    void givenJwks_fetch_returnsTheDocumentItsSourceAndTheTime() {
        host.serve(TestJwks.bothKeys());
        SenderKeys keys = new JwksKeyFetcher(KeySettings.defaults(), clock).fetch(TestJwks.cavageSender(host.url()));
        assertThat(keys).isEqualTo(new SenderKeys(TestJwks.bothKeys(), host.url(), VERIFY_AT));
    }

    @Test
    void givenErrorStatus_fetch_failsNamingTheStatus() {
        host.failWith(500);
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), 1000).fetch(TestJwks.cavageSender(host.url())))
                .isInstanceOf(KeyFetchException.class).hasMessageContaining("HTTP 500");
    }

    @Test
    void givenDocumentOverTheLimit_fetch_failsWithoutKeepingIt() {
        host.serve(TestJwks.bothKeys());
        int size = TestJwks.bothKeys().length();
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), size - 1).fetch(TestJwks.cavageSender(host.url())))
                .isInstanceOf(KeyFetchException.class).hasMessageContaining("larger than " + (size - 1));
        assertThat(fetcher(Duration.ofSeconds(5), size).fetch(TestJwks.cavageSender(host.url())).jwksJson())
                .isEqualTo(TestJwks.bothKeys());
    }

    @Test
    void givenSomethingElseThanAJwks_fetch_failsAsUnusable() {
        host.serve("<html>maintenance</html>");
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), 1000).fetch(TestJwks.cavageSender(host.url())))
                .isInstanceOf(KeyFetchException.class).hasMessageContaining("unusable document");
        host.serve("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}");
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), 1000).fetch(TestJwks.cavageSender(host.url())))
                .isInstanceOf(KeyFetchException.class).hasMessageContaining("no usable key");
    }

    @Test
    void givenHostThatNeverAnswers_fetch_givesUpWithATimeout() {
        host.hang();
        assertThatThrownBy(() -> fetcher(Duration.ofMillis(300), 1000).fetch(TestJwks.cavageSender(host.url())))
                .isInstanceOf(KeyFetchException.class).hasMessageContaining("timed out");
    }

    @Test
    void givenUnreachableHost_fetch_fails() {
        String url = host.url();
        host.close();
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), 1000).fetch(TestJwks.cavageSender(url)))
                .isInstanceOf(KeyFetchException.class).hasMessageContaining("cannot fetch");
    }

    @Test
    void givenRedirect_fetch_followsIt() throws IOException {
        try (JwksStubServer target = new JwksStubServer()) {
            target.serve(TestJwks.bothKeys());
            host.redirectTo(target.url());
            SenderKeys keys = fetcher(Duration.ofSeconds(5), 10_000).fetch(TestJwks.cavageSender(host.url()));
            assertThat(keys.jwksJson()).isEqualTo(TestJwks.bothKeys());
            assertThat(keys.sourceUrl()).isEqualTo(host.url());
            assertThat(target.requests()).isEqualTo(1);
        }
    }

    @Test
    void givenUrlWithoutHost_fetch_refusesIt() {
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), 1000).fetch(TestJwks.cavageSender("http:///jwks")))
                .isInstanceOf(KeyFetchException.class).hasMessageContaining("absolute http(s) URL");
    }
}
