package io.crvs.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.BirthVerification;
import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.SearchAnswer;
import io.crvs.core.domain.SearchResponse;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsCallException.Failure;
import io.crvs.http.testing.MockCrvs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asynchronous search: ACK, then a signed on-search callback to our server, correlated to the waiting caller. */
class AsyncSearchTest {
    static final String CRVS = "crvs.async.example";
    static final Identifier BRN = Identifier.of("BRN", "B-1");
    static final Identifier UIN = Identifier.of("UIN", "U-1");

    @TempDir
    Path tmp;

    private OutboundFixture f;

    @BeforeEach
    void start() {
        MockCrvs crvs = new MockCrvs(CRVS);
        crvs.holds(MockCrvs.person("Ada", "Examplar", "2025-01-02", "BRN", BRN.value(), "UIN", UIN.value()));
        f = new OutboundFixture(crvs, tmp.resolve("keys"), e -> e.withSearchMode(SearchMode.ASYNC));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private void asyncTimeout(Duration timeout) {
        f.use(new ClientSettings(OutboundFixture.US, f.callbackBase(), timeout, Duration.ofMinutes(5), true),
                f.endpoint(), f.keys::signingKey);
    }

    @Test
    void theOnSearchCallback_completesTheWaitingSearch_andIsStoredByOurServer() throws Exception {
        assertThat(f.lookups.verifyBirth(null, BRN)).isInstanceOf(BirthVerification.Found.class);
        var sent = f.crvs.requestsTo("/search").get(0).body();
        assertThat(sent.path("header").path("sender_uri").asText()).isEqualTo(f.callbackBase() + "/on-search");

        SearchResponse r = f.client.search(CRVS, List.of(CrvsSearch.byIdentifier(UIN)));

        // the caller is answered as soon as the callback is verified; storing it follows on the server's thread
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((f.events.findMessage(CRVS, r.messageId()).isEmpty() || f.crvs.callbacksSent.size() < 2)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(f.events.findMessage(CRVS, r.messageId())).hasValueSatisfying(m -> {
            assertThat(m.action()).isEqualTo("on-search");
            assertThat(m.rawBody()).isEqualTo(r.rawBody());
        });
        assertThat(f.crvs.callbacksSent).hasSize(2).allSatisfy(c -> assertThat(c).endsWith("/registry/on-search 202"));
    }

    @Test
    void aCallbackBeforeTheAck_isNotLost() {
        f.crvs.callbacksBeforeAck(true);

        assertThat(f.lookups.verifyBirth(null, BRN)).isInstanceOf(BirthVerification.Found.class);
    }

    @Test
    void answersSplitOverTwoCallbacks_areJoined() {
        f.crvs.splitOnSearch(true);

        SearchResponse r = f.client.search(CRVS, List.of(CrvsSearch.byIdentifier(UIN),
                CrvsSearch.byIdentifier(Identifier.of("UIN", "REFUSE-ME")), CrvsSearch.byIdentifier(BRN)));

        assertThat(r.answers()).hasSize(3);
        assertThat(r.answers().get(0)).isInstanceOf(SearchAnswer.Answered.class);
        assertThat(r.answers().get(1)).isInstanceOf(SearchAnswer.Refused.class);
        assertThat(r.answers().get(2)).isInstanceOf(SearchAnswer.Answered.class);
        assertThat(new String(r.rawBody(), StandardCharsets.UTF_8)).startsWith("[{");
    }

    @Test
    void noCallback_isATimeout_andNothingStaysPending() {
        asyncTimeout(Duration.ofMillis(300));
        f.crvs.noOnSearch(true);

        assertThatThrownBy(() -> f.lookups.verifyBirth(null, BRN)).isInstanceOfSatisfying(CrvsCallException.class,
                e -> {
                    assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
                    assertThat(e.getMessage()).contains("on-search callback did not come within 300 ms");
                });
    }

    @Test
    void aCallbackWithABadSignature_isRefusedByOurServer_andTheSearchTimesOut() {
        asyncTimeout(Duration.ofMillis(300));
        f.crvs.mode(MockCrvs.Mode.BAD_SIGNATURE);
        f.crvs.callbacksBeforeAck(true); // the refused callback is over before we start waiting

        assertThatThrownBy(() -> f.lookups.verifyBirth(null, BRN)).isInstanceOfSatisfying(CrvsCallException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.TIMEOUT));
        assertThat(f.crvs.callbacksSent).singleElement().asString().endsWith("/registry/on-search 401");
    }

    @Test
    void anErrAck_isRejectedAtOnce() {
        f.crvs.mode(MockCrvs.Mode.ERR_ACK);
        f.crvs.errCode("err.request.forbidden");

        assertThatThrownBy(() -> f.lookups.verifyBirth(null, BRN)).isInstanceOfSatisfying(CrvsCallException.class,
                e -> {
                    assertThat(e.failure()).isEqualTo(Failure.REJECTED);
                    assertThat(e.code()).isEqualTo("err.request.forbidden");
                });
    }

    @Test
    void withoutAServerToTakeTheCallback_anAsyncSearchIsRefusedAtOnce() {
        f.use(f.settings(false), f.endpoint(), f.keys::signingKey);

        assertThatThrownBy(() -> f.lookups.verifyBirth(null, BRN)).isInstanceOfSatisfying(CrvsCallException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.NOT_SUPPORTED));
        assertThat(f.crvs.requests).isEmpty();
    }
}
