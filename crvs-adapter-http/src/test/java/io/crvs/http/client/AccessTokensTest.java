package io.crvs.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.testing.MutableClock;
import io.crvs.http.testing.MockCrvs;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token cache: kept until shortly before it expires, fetched anew once when refused. */
class AccessTokensTest {

    private final MockCrvs crvs = new MockCrvs("crvs.tokens.example", "/registry", "registry", "s3cret");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final AccessTokens tokens = new AccessTokens(CrvsEndpoint.of(crvs.senderId, crvs.baseUrl())
            .withOAuth2(new OAuth2Client(crvs.tokenUrl(), "registry", "s3cret", null)),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), clock);

    @AfterEach
    void stop() {
        crvs.close();
    }

    @Test
    void aTokenIsKeptUntilATenthOfItsLifeBeforeExpiry_thenFetchedAgain() {
        crvs.tokenLifetime(Duration.ofSeconds(100));
        String first = tokens.current();

        clock.advance(Duration.ofSeconds(89));
        assertThat(tokens.current()).isEqualTo(first);
        assertThat(crvs.tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.current()).isNotEqualTo(first);
        assertThat(crvs.tokenRequests()).isEqualTo(2);
    }

    @Test
    void refresh_replacesOnlyTheRefusedToken() {
        String first = tokens.current();

        String second = tokens.refresh(first);
        String stillSecond = tokens.refresh(first);

        assertThat(second).isNotEqualTo(first);
        assertThat(stillSecond).isEqualTo(second);
        assertThat(crvs.tokenRequests()).isEqualTo(2);
    }

    @Test
    void withoutOAuth2_thereIsNoToken() {
        AccessTokens none = new AccessTokens(CrvsEndpoint.of(crvs.senderId, crvs.baseUrl()),
                HttpClient.newHttpClient(), clock);

        assertThat(none.current()).isNull();
        assertThat(none.refresh("x")).isNull();
        assertThat(crvs.tokenRequests()).isZero();
    }
}
