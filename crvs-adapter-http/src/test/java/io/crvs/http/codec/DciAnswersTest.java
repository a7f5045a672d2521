package io.crvs.http.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.http.envelope.EnvelopeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DciAnswersTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:10.123456Z");

    @Test
    void ack_isExactlyTheStandardShape() {
        assertThat(new String(DciAnswers.ack("corr-1", AT), StandardCharsets.UTF_8)).isEqualTo(
                "{\"message\":{\"ack_status\":\"ACK\",\"timestamp\":\"2026-01-01T00:00:10.123+00:00\","
                        + "\"correlation_id\":\"corr-1\"}}");
    }

    @Test
    void error_carriesCodeAndMessage() throws IOException {
        JsonNode m = EnvelopeJson.MAPPER.readTree(DciAnswers.error("c", AT, "err.signature.invalid", "bad \"sig\""))
                .get("message");

        assertThat(m.get("ack_status").asText()).isEqualTo("ERR");
        assertThat(m.get("correlation_id").asText()).isEqualTo("c");
        assertThat(m.get("timestamp").asText()).isEqualTo("2026-01-01T00:00:10.123+00:00");
        assertThat(m.get("error").get("code").asText()).isEqualTo("err.signature.invalid");
        assertThat(m.get("error").get("message").asText()).isEqualTo("bad \"sig\"");
        assertThat(m.size()).isEqualTo(4);
    }

    @Test
    void error_cutsLongMessagesAndRemovesControlCharacters() throws IOException {
        String message = "line1\nline2\u2028" + "y".repeat(2000);

        String written = EnvelopeJson.MAPPER.readTree(DciAnswers.error("c", AT, "err.request.bad", message))
                .get("message").get("error").get("message").asText();

        assertThat(written).startsWith("line1 line2 y").endsWith("…").doesNotContain("\n");
        assertThat(written.codePointCount(0, written.length())).isEqualTo(SafeText.MESSAGE_LIMIT + 1);
    }

    @Test
    void safeText_cutsOnCodePointsAndQuotes() {
        assertThat(SafeText.clean("😀😀😀", 2)).isEqualTo("😀😀…");
        assertThat(SafeText.clean(null, 5)).isEmpty();
        assertThat(SafeText.quote("a\tb")).isEqualTo("\"a b\"");
    }
}
