package io.crvs.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.BirthVerification;
import io.crvs.core.domain.Identifier;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsCallException.Failure;
import io.crvs.http.testing.MockCrvs;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OAuth2 client-credentials: the token is cached, sent as a bearer token and refreshed once on a 401. */
class OAuth2Test {
    static final String CRVS = "crvs.oauth.example";
    static final Identifier BRN = Identifier.of("BRN", "B-7");

    @TempDir
    Path tmp;

    private OutboundFixture f;

    @AfterEach
    void stop() {
        f.close();
    }

    private void start(String secret) {
        MockCrvs crvs = new MockCrvs(CRVS, "/registry", "registry-client", "s3cret");
        crvs.holds(MockCrvs.person("Ada", "Examplar", "2025-01-02", "BRN", BRN.value()));
        f = new OutboundFixture(crvs, tmp.resolve("keys"),
                e -> e.withOAuth2(new OAuth2Client(crvs.tokenUrl(), "registry-client", secret, "registry.search")));
    }

    @Test
    void theToken_isFetchedOnce_cached_andSentAsBearer() {
        start("s3cret");

        f.lookups.verifyBirth(null, BRN);
        f.lookups.verifyBirth(null, BRN);

        assertThat(f.crvs.tokenRequests()).isEqualTo(1);
        assertThat(f.crvs.requests).extracting(MockCrvs.Received::authorization).containsOnly("Bearer tok-1");
    }

    @Test
    void anExpiredToken_isRefreshedOnceOnA401_andTheRequestSentAgain() {
        start("s3cret");
        f.lookups.verifyBirth(null, BRN);
        f.crvs.expireTokens();

        assertThat(f.lookups.verifyBirth(null, BRN)).isInstanceOf(BirthVerification.Found.class);

        assertThat(f.crvs.tokenRequests()).isEqualTo(2);
        assertThat(f.crvs.requests).extracting(MockCrvs.Received::authorization)
                .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void aCrvsThatRefusesEveryToken_isRejectedAfterOneRefresh_notLooped() {
        start("s3cret");
        f.crvs.refuseAllTokens(true);

        assertThatThrownBy(() -> f.lookups.verifyBirth(null, BRN)).isInstanceOfSatisfying(CrvsCallException.class,
                e -> {
                    assertThat(e.failure()).isEqualTo(Failure.REJECTED);
                    assertThat(e.code()).isEqualTo("err.request.unauthorized");
                });
        assertThat(f.crvs.tokenRequests()).isEqualTo(2);
        assertThat(f.crvs.requests).hasSize(2);
    }

    @Test
    void wrongClientCredentials_areRejectedWithTheOAuthError_andNoRequestIsSent() {
        start("wrong");

        assertThatThrownBy(() -> f.lookups.verifyBirth(null, BRN)).isInstanceOfSatisfying(CrvsCallException.class,
                e -> {
                    assertThat(e.failure()).isEqualTo(Failure.REJECTED);
                    assertThat(e.code()).isEqualTo("oauth2.invalid_client");
                    assertThat(e.getMessage()).doesNotContain("wrong");
                });
        assertThat(f.crvs.requests).isEmpty();
    }
}
