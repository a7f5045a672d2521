package io.crvs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueRecordsTest {

    @Test
    void identifierType_keepsUnknownCodesUpperCased() {
        assertThat(IdentifierType.of("brn")).isEqualTo(IdentifierType.BRN);
        assertThat(IdentifierType.of("opencrvs_record_id").code()).isEqualTo("OPENCRVS_RECORD_ID");
        assertThatThrownBy(() -> IdentifierType.of(" ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void identifier_keepsValueVerbatimAndHidesItInToString() {
        Identifier i = Identifier.of("UIN", " U-1 ");
        assertThat(i.value()).isEqualTo(" U-1 ");
        assertThat(i.toString()).doesNotContain("U-1");
        assertThatThrownBy(() -> Identifier.of("UIN", "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Identifier.of("UIN", "x".repeat(257))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("256");
    }

    @Test
    void sender_validatesIdAndUrl() {
        assertThatThrownBy(() -> Sender.register("bad id", "n", "https://x", SignatureProfile.JWS_COMPACT, Set.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Sender.register("crvs", "n", "ftp://x", SignatureProfile.JWS_COMPACT, Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> Sender.register("crvs", "n", null, SignatureProfile.JWS_COMPACT, Set.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(Sender.register("crvs.example.gov", null, null, SignatureProfile.NONE, Set.of()).name())
                .isEqualTo("crvs.example.gov");
    }

    @Test
    void signatureProfile_parsesWireNames() {
        assertThat(SignatureProfile.parse("dci-cavage-ed25519")).isEqualTo(SignatureProfile.DCI_CAVAGE_ED25519);
        assertThat(SignatureProfile.parse("JWS_COMPACT")).isEqualTo(SignatureProfile.JWS_COMPACT);
        assertThatThrownBy(() -> SignatureProfile.parse("hmac")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void newVitalEvent_rejectsOverlongReferenceId() {
        assertThatThrownBy(() -> io.crvs.core.testing.TestEvents.birth().withReferenceId("r".repeat(10_000)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reference_id");
    }

    @Test
    void civilStatus_readsDciCodes() {
        assertThat(CivilStatus.parse("M")).contains(CivilStatus.MARRIED);
        assertThat(CivilStatus.parse("divorced")).contains(CivilStatus.DIVORCED);
        assertThat(CivilStatus.parse("Q")).isEmpty();
    }
}
