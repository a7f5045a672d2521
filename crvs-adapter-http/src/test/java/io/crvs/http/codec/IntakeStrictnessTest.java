package io.crvs.http.codec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.http.envelope.EnvelopeJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the receiver refuses at intake, so that nothing unusable or ambiguous is stored and retried for days. */
class IntakeStrictnessTest {

    private static JsonNode json(String text) throws Exception {
        return EnvelopeJson.MAPPER.readTree(text);
    }

    @Test
    void itemWithoutAnyIdentifier_isRefusedNamingTheItem() {
        assertThatThrownBy(() -> NotifyIntakeRules.check(NotifyMessageReader.read(json("{\"transaction_id\":\"t\","
                + "\"notify_event\":[{\"reference_id\":\"r\",\"data\":{\"reg_event_type\":\"death\",\"reg_records\":"
                + "{\"identifier\":[],\"death_date\":\"2025-01-01\"}}}]}"))))
                .isInstanceOf(EnvelopeFormatException.class)
                .hasMessageContaining("notify_event[0]").hasMessageContaining("no identifier");
    }

    @Test
    void flatShapeWithoutAnyIdentifier_isRefused() {
        assertThatThrownBy(() -> NotifyIntakeRules.check(NotifyMessageReader.read(json("{\"event_type\":\"DEATH\","
                + "\"event_date\":\"2025-01-01\",\"identifiers\":[]}"))))
                .isInstanceOf(EnvelopeFormatException.class).hasMessageContaining("no identifier");
    }

    @Test
    void impossibleDateEarlierInAList_isRefusedNotOnlyTheLast() {
        assertThatThrownBy(() -> NotifyMessageReader.read(json("{\"transaction_id\":\"t\",\"notify_event\":["
                + "{\"reference_id\":\"r\",\"data\":{\"reg_event_type\":\"marriage\",\"reg_records\":{\"identifier\":"
                + "[{\"identifier_type\":\"UIN\",\"identifier_value\":\"U-1\"}],"
                + "\"marriage_date\":[\"2021-02-30\",\"2020-01-01\"]}}}]}")))
                .isInstanceOf(EnvelopeFormatException.class).hasMessageContaining("marriage_date[0]");
    }

    @Test
    void duplicateKeys_areRefused_soSignedAndReadValuesCannotDiffer() {
        String body = "{\"signature\":\"x\",\"header\":{\"message_id\":\"m\",\"message_ts\":\"2026-01-01T00:00:00Z\","
                + "\"action\":\"notify\",\"sender_id\":\"s\",\"sender_id\":\"t\"},\"message\":{}}";
        assertThatThrownBy(() -> EnvelopeReader.read(body.getBytes(StandardCharsets.UTF_8), Optional.empty()))
                .isInstanceOf(EnvelopeFormatException.class).hasMessageContaining("sender_id");
    }
}
