package io.crvs.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.BirthVerification;
import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.CrvsSearchResult;
import io.crvs.core.domain.DeathCheck;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.SearchAnswer;
import io.crvs.core.domain.SearchCondition;
import io.crvs.core.domain.SearchPage;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.SearchResponse;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsCallException.Failure;
import io.crvs.http.testing.MockCrvs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed synchronous search against a mock CRVS that verifies our signature with our published JWKS. */
class SyncSearchTest {
    static final String CRVS = "crvs.mock.example";
    static final Identifier BRN = Identifier.of("BRN", "B-2025-0000123");
    static final Identifier UIN = Identifier.of("UIN", "U-0000000777");

    @TempDir
    Path tmp;

    private OutboundFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private OutboundFixture start(MockCrvs crvs) {
        crvs.holds(MockCrvs.person("Nova", "Testfamily", "2025-03-10T06:15:00+00:00", "BRN", BRN.value()));
        crvs.holds(MockCrvs.person("Orin", "Placeholder", "1941-07-01", "UIN", UIN.value(), "DRN", "D-42")
                .put("death_date", "2025-03-12T22:40:00+00:00"));
        f = new OutboundFixture(crvs, tmp.resolve("keys"));
        return f;
    }

    private static void assertFailure(Runnable call, Failure failure, Consumer<CrvsCallException> more) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CrvsCallException.class, e -> {
            assertThat(e.failure()).as(e.getMessage()).isEqualTo(failure);
            more.accept(e);
        });
    }

    @Test
    void verifyBirth_byBrn_returnsTheCrvsRecord_afterTheCrvsVerifiedOurSignature() {
        start(new MockCrvs(CRVS));

        BirthVerification v = f.lookups.verifyBirth(null, BRN);

        assertThat(v).isInstanceOfSatisfying(BirthVerification.Found.class, found -> {
            assertThat(found.record().name()).isEqualTo(new PersonName("Nova", null, "Testfamily", null, null, null));
            assertThat(found.record().birthDate()).isEqualTo(LocalDate.of(2025, 3, 10));
        });
        JsonNode sent = f.crvs.requestsTo("/sync/search").get(0).body();
        assertThat(sent.path("signature").asText()).contains("kidId=\"" + OutboundFixture.US + "|key-");
        assertThat(sent.path("header").path("action").asText()).isEqualTo("search");
        assertThat(sent.path("header").path("sender_id").asText()).isEqualTo(OutboundFixture.US);
        assertThat(sent.path("header").path("receiver_id").asText()).isEqualTo(CRVS);
        JsonNode criteria = sent.path("message").path("search_request").get(0).path("search_criteria");
        assertThat(criteria.path("query_type").asText()).isEqualTo("idtype-value");
        assertThat(criteria.path("query").path("type").asText()).isEqualTo("BRN");
        assertThat(criteria.path("reg_event_type").asText()).isEqualTo("live_birth");
    }

    @Test
    void checkDeath_byUin_isDeceasedWithTheDate_andAnUnknownUinIsNotFound() {
        start(new MockCrvs(CRVS));

        assertThat(f.lookups.checkDeath(null, UIN)).isInstanceOfSatisfying(DeathCheck.Deceased.class,
                d -> assertThat(d.deathDate()).isEqualTo(LocalDate.of(2025, 3, 12)));
        Identifier unknown = Identifier.of("UIN", "U-404");
        assertThat(f.lookups.checkDeath(null, unknown)).isEqualTo(new DeathCheck.NotFound(unknown));
        assertThat(f.lookups.verifyBirth(null, Identifier.of("BRN", "B-404")))
                .isInstanceOf(BirthVerification.NotFound.class);
    }

    @Test
    void predicateSearch_pagesThroughTheRecords() {
        MockCrvs crvs = new MockCrvs(CRVS);
        for (int i = 1; i <= 3; i++) {
            crvs.holds(MockCrvs.person("P" + i, "Page", "2020-0" + i + "-01", "UIN", "U-P" + i));
        }
        start(crvs);
        SearchQuery born2020 = new SearchQuery.ByPredicate(List.of(
                new SearchCondition("birth_date", SearchCondition.Operator.GE, "2020-01-01"),
                new SearchCondition("birth_date", SearchCondition.Operator.LT, "2021-01-01")));

        CrvsSearchResult page2 = f.lookups.search(null, new CrvsSearch(born2020, null, new SearchPage(2, 2)));

        assertThat(page2.totalCount()).isEqualTo(3);
        assertThat(page2.page()).isEqualTo(new SearchPage(2, 2));
        assertThat(page2.records()).singleElement().satisfies(r -> assertThat(r.name().givenName()).isEqualTo("P3"));
        JsonNode q = f.crvs.requestsTo("/sync/search").get(0).body().path("message").path("search_request").get(0)
                .path("search_criteria");
        assertThat(q.path("query_type").asText()).isEqualTo("predicate");
        assertThat(q.path("query").get(1).path("expression1").path("operator").asText()).isEqualTo("lt");
    }

    @Test
    void aBatch_isOneRequest_answeredInOrder_withARefusedItemKeptApart() {
        start(new MockCrvs(CRVS));
        Identifier refused = Identifier.of("UIN", "REFUSE-ME");

        SearchResponse r = f.client.search(CRVS, List.of(CrvsSearch.byIdentifier(UIN),
                CrvsSearch.byIdentifier(refused), CrvsSearch.byIdentifier(BRN)));

        assertThat(f.crvs.requestsTo("/sync/search")).hasSize(1);
        assertThat(r.answers()).hasSize(3);
        assertThat(((SearchAnswer.Answered) r.answers().get(0)).result().records().get(0).identifiers())
                .contains(UIN);
        assertThat(r.answers().get(1)).isEqualTo(new SearchAnswer.Refused("rjct.search_criteria.invalid", null));
        assertThat(((SearchAnswer.Answered) r.answers().get(2)).result().records().get(0).identifiers())
                .contains(BRN);
        assertThat(r.crvsId()).isEqualTo(CRVS);
        assertThat(r.profile()).isEqualTo(SignatureProfile.DCI_CAVAGE_ED25519);
        assertThat(new String(r.rawBody(), StandardCharsets.UTF_8)).contains("\"action\":\"on-search\"");
    }

    @Test
    void theCrvsDown_isUnavailable_afterTheConfiguredAttempts_withDoublingPauses() {
        MockCrvs crvs = new MockCrvs(CRVS);
        start(crvs);
        crvs.close();

        assertFailure(() -> f.lookups.verifyBirth(null, BRN), Failure.UNAVAILABLE,
                e -> assertThat(e.getMessage()).contains("3 attempts"));
        assertThat(f.pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void transient503s_areRetried_thenTheAnswerIsUsed() {
        start(new MockCrvs(CRVS));
        f.crvs.unavailableFor(2);

        assertThat(f.lookups.verifyBirth(null, BRN)).isInstanceOf(BirthVerification.Found.class);
        assertThat(f.crvs.requestsTo("/sync/search")).hasSize(3);
        assertThat(f.crvs.requestsTo("/sync/search")).extracting(x -> x.body().path("header").path("message_id"))
                .as("the same signed message each time").containsOnly(
                        f.crvs.requestsTo("/sync/search").get(0).body().path("header").path("message_id"));
    }

    @Test
    void aSlowCrvs_isATimeout_notRetried() {
        f = new OutboundFixture(new MockCrvs(CRVS), tmp.resolve("keys"),
                e -> e.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
        f.crvs.mode(MockCrvs.Mode.SLOW);

        assertFailure(() -> f.lookups.checkDeath(null, UIN), Failure.TIMEOUT,
                e -> assertThat(e.getMessage()).contains("did not answer within 300 ms"));
        assertThat(f.crvs.requestsTo("/sync/search")).hasSize(1);
        f.crvs.release();
    }

    @Test
    void anAnswerWithABadSignature_isUntrusted_andNothingOfItIsReturned() {
        start(new MockCrvs(CRVS));
        f.crvs.mode(MockCrvs.Mode.BAD_SIGNATURE);

        assertFailure(() -> f.lookups.verifyBirth(null, BRN), Failure.UNTRUSTED,
                e -> assertThat(e.code()).isEqualTo("err.signature.invalid"));
    }

    @Test
    void anAnswerSignedInTheNameOfAnotherSender_isUntrusted() {
        start(new MockCrvs(CRVS));
        f.crvs.mode(MockCrvs.Mode.WRONG_SENDER);

        assertFailure(() -> f.lookups.verifyBirth(null, BRN), Failure.UNTRUSTED,
                e -> assertThat(e.code()).isEqualTo("err.sender_id.invalid"));
    }

    @Test
    void anErrAcknowledgement_isRejectedWithTheCrvsCode() {
        start(new MockCrvs(CRVS));
        f.crvs.mode(MockCrvs.Mode.ERR_ACK);
        f.crvs.errCode("err.receiver_id.invalid");

        assertFailure(() -> f.lookups.verifyBirth(null, BRN), Failure.REJECTED,
                e -> assertThat(e.code()).isEqualTo("err.receiver_id.invalid"));
    }

    @Test
    void aRequestSignedWithAKeyWeDoNotPublish_isRefusedByTheCrvs() {
        MockCrvs crvs = new MockCrvs(CRVS);
        f = new OutboundFixture(crvs, tmp.resolve("keys"), e -> e,
                () -> io.crvs.http.signing.Ed25519SigningKey.generate(OutboundFixture.US + "|unpublished|ed25519"),
                SignatureProfile.DCI_CAVAGE_ED25519);

        assertFailure(() -> f.lookups.verifyBirth(null, BRN), Failure.REJECTED,
                e -> assertThat(e.code()).isEqualTo("err.signature.invalid"));
    }

    @Test
    void afterAKeyRotation_theCrvsVerifiesTheNewKey_fromOurJwks() {
        start(new MockCrvs(CRVS));
        f.lookups.verifyBirth(null, BRN);

        f.keys.rotate(OutboundFixture.US);

        assertThat(f.lookups.verifyBirth(null, BRN)).isInstanceOf(BirthVerification.Found.class);
        assertThat(f.crvs.requestsTo("/sync/search").get(1).body().path("signature").asText())
                .contains(f.keys.signingKey().keyId());
    }

    @Test
    void jwsCompactSignatures_areAcceptedByACrvsOfThatProfile() {
        MockCrvs crvs = new MockCrvs(CRVS);
        crvs.holds(MockCrvs.person("Nova", "Testfamily", "2025-03-10", "BRN", BRN.value()));
        f = new OutboundFixture(crvs, tmp.resolve("keys"), e -> e, null, SignatureProfile.JWS_COMPACT);

        assertThat(f.lookups.verifyBirth(null, BRN)).isInstanceOf(BirthVerification.Found.class);
        assertThat(f.crvs.requestsTo("/sync/search").get(0).body().path("signature").asText().split("\\."))
                .hasSize(3);
    }

    @Test
    void crvsPaths_mayBeUnderAnotherPrefix() {
        MockCrvs crvs = new MockCrvs(CRVS, "/crvs", null, null);
        crvs.holds(MockCrvs.person("Nova", "Testfamily", "2025-03-10", "BRN", BRN.value()));
        f = new OutboundFixture(crvs, tmp.resolve("keys"), e -> e.withPaths(CrvsPaths.under("/crvs")));

        assertThat(f.lookups.verifyBirth(null, BRN)).isInstanceOf(BirthVerification.Found.class);
        assertThat(f.crvs.requests).extracting(MockCrvs.Received::path).containsExactly("/crvs/sync/search");
    }
}
