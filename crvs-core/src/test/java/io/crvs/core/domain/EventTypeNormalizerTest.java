package io.crvs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every spelling of reference/dci-standard.md §6.2 maps to one type. */
class EventTypeNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // code list CD.COM.04
            "live_birth, BIRTH", "death, DEATH", "fetal_death, FETAL_DEATH", "marriage, MARRIAGE",
            "divorce, DIVORCE", "adoption, ADOPTION",
            // JSON-LD enum
            "LiveBirth, BIRTH", "Death, DEATH", "Marriage, MARRIAGE", "Divorce, DIVORCE",
            // API example, prefixed
            "spdci-common:RegistryEventType:LiveBirth, BIRTH", "spdci-common:RegistryEventType:Death, DEATH",
            "spdci-common:RegistryEventType:Marriage, MARRIAGE", "spdci-common:RegistryEventType:Divorce, DIVORCE",
            // OpenSPP constants and compliance suite
            "BIRTH, BIRTH", "DEATH, DEATH", "MARRIAGE, MARRIAGE", "DIVORCE, DIVORCE", "ADOPTION, ADOPTION",
            "REGISTER, REGISTRATION", "UPDATE, UPDATE",
            // OpenCRVS reg_type
            "ocrvs:registry_type:birth, BIRTH", "ocrvs:registry_type:death, DEATH",
            "ocrvs:registry_type:marriage, MARRIAGE",
            // 2023 draft list, typo included
            "birth, BIRTH", "annulment, ANNULMENT", "seperation, SEPARATION", "separation, SEPARATION",
            "demographic_change, DEMOGRAPHIC_CHANGE", "unregister, UNREGISTER",
            // case and separators
            "LIVE-BIRTH, BIRTH", "Live Birth, BIRTH", "FETAL_DEATH, FETAL_DEATH"
    })
    void knownSpelling_mapsToOneType(String spelling, VitalEventType expected) {
        assertThat(EventTypeNormalizer.normalize(spelling)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "spdci-common:RegistryEventType:", "births", "dead", "marriage2", "BRN",
            "ns:org:RegistryType:Civil"})
    void unknownSpelling_isAnExplicitError(String spelling) {
        assertThatThrownBy(() -> EventTypeNormalizer.normalize(spelling))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("unknown vital event type");
        assertThat(EventTypeNormalizer.tryNormalize(spelling)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nullSpelling_isAnExplicitError() {
        assertThatThrownBy(() -> EventTypeNormalizer.normalize(null)).isInstanceOf(UnknownEventTypeException.class);
    }

    @org.junit.jupiter.api.Test
    void onlyTheFourMainTypesAreSupported() {
        assertThat(java.util.Arrays.stream(VitalEventType.values()).filter(VitalEventType::supported))
                .containsExactly(VitalEventType.BIRTH, VitalEventType.DEATH, VitalEventType.MARRIAGE,
                        VitalEventType.DIVORCE);
    }
}
