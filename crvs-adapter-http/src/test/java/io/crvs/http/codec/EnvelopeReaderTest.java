package io.crvs.http.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.http.envelope.EnvelopeJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeReaderTest {

    private static final String HEADER = "{\"message_id\":\"m-1\",\"message_ts\":\"2026-01-01T00:00:00Z\","
            + "\"action\":\"notify\",\"sender_id\":\"crvs.example.gov\"%s}";

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] envelope(String headerExtra, String message) {
        return body("{\"header\":" + String.format(HEADER, headerExtra) + ",\"message\":" + message + "}");
    }

    @Test
    void givenMinimalHeader_read_keepsBytesAndReadsFields() {
        byte[] raw = envelope(",\"receiver_id\":\"registry.example.org\"", "{\"transaction_id\":\"t-1\"}");

        InboundEnvelope in = EnvelopeReader.read(raw, Optional.of("sig"));

        assertThat(in.envelope().rawBody()).isSameAs(raw);
        assertThat(in.envelope().signatureHeader()).contains("sig");
        assertThat(in.header()).isEqualTo(new DciHeader("m-1", "2026-01-01T00:00:00Z", "notify",
                "crvs.example.gov", "registry.example.org", null, false));
        assertThat(in.transactionId()).isEqualTo("t-1");
    }

    @Test
    void givenJsonLdAndUnknownMembers_read_ignoresThem() {
        InboundEnvelope in = EnvelopeReader.read(envelope(",\"@context\":{\"x\":1},\"@type\":\"MsgHeader\","
                + "\"vendor_extension\":[1,2],\"meta\":\"\"", "{}"), Optional.empty());

        assertThat(in.header().messageId()).isEqualTo("m-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3\"", "\" 3 \""})
    void givenTotalCountAsNumberOrString_read_acceptsIt(String count) {
        InboundEnvelope in = EnvelopeReader.read(envelope(",\"total_count\":" + count, "{}"), Optional.empty());

        assertThat(in.header().totalCount()).isEqualTo(3L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"three\"", "-1", "1.5", "{}", "\"99999999999999999999\""})
    void givenUnusableTotalCount_read_rejectsNamingTheField(String count) {
        assertThatThrownBy(() -> EnvelopeReader.read(envelope(",\"total_count\":" + count, "{}"), Optional.empty()))
                .isInstanceOfSatisfying(EnvelopeFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EnvelopeFormatException.INVALID_HEADER);
                    assertThat(e.getMessage()).contains("header.total_count");
                });
    }

    @Test
    void givenNumericTransactionId_read_takesItsText() {
        assertThat(EnvelopeReader.read(envelope("", "{\"transaction_id\":123456789}"), Optional.empty())
                .transactionId()).isEqualTo("123456789");
    }

    @Test
    void givenEncryptedFlag_read_reportsIt() {
        assertThat(EnvelopeReader.read(envelope(",\"is_msg_encrypted\":true", "{}"), Optional.empty())
                .header().encrypted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"header\":", "not json", "{\"a\":1} trailing", "\u00ff\u00fe"})
    void givenBodyThatIsNotJson_read_rejectsAsMalformedJson(String text) {
        assertThatThrownBy(() -> EnvelopeReader.read(body(text), Optional.empty()))
                .isInstanceOfSatisfying(EnvelopeFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnvelopeFormatException.MALFORMED_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"envelope\"", "42", "null"})
    void givenJsonThatIsNotAnObject_read_rejectsAsMalformedJson(String text) {
        assertThatThrownBy(() -> EnvelopeReader.read(body(text), Optional.empty()))
                .isInstanceOfSatisfying(EnvelopeFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnvelopeFormatException.MALFORMED_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"message\":{}}", "{\"header\":null}", "{\"header\":\"h\"}", "{\"header\":[]}"})
    void givenNoHeaderObject_read_rejectsAsMissingHeader(String text) {
        assertThatThrownBy(() -> EnvelopeReader.read(body(text), Optional.empty()))
                .isInstanceOfSatisfying(EnvelopeFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnvelopeFormatException.MISSING_HEADER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"message_id", "message_ts", "action", "sender_id"})
    void givenRequiredHeaderFieldMissingBlankOrNotAString_read_rejectsNamingIt(String field) {
        List<Consumer<ObjectNode>> faults = List.of(h -> h.remove(field), h -> h.put(field, "  "),
                h -> h.put(field, 7), h -> h.putNull(field), h -> h.putObject(field));
        for (Consumer<ObjectNode> fault : faults) {
            ObjectNode root = EnvelopeJson.MAPPER.createObjectNode();
            ObjectNode header = root.putObject("header");
            header.put("message_id", "m-1").put("message_ts", "t").put("action", "notify").put("sender_id", "s");
            fault.accept(header);

            assertThatThrownBy(() -> EnvelopeReader.read(body(root.toString()), Optional.empty()))
                    .as(root.toString())
                    .isInstanceOfSatisfying(EnvelopeFormatException.class, e -> {
                        assertThat(e.reason()).isEqualTo(EnvelopeFormatException.INVALID_HEADER);
                        assertThat(e.getMessage()).startsWith("header." + field + " ");
                    });
        }
    }

    @Test
    void givenMessageIdLongerThan256_read_rejectsWithoutEchoingIt() {
        String longId = "x".repeat(300);
        String header = "{\"message_id\":\"" + longId + "\",\"message_ts\":\"t\",\"action\":\"notify\","
                + "\"sender_id\":\"s\"}";

        assertThatThrownBy(() -> EnvelopeReader.read(body("{\"header\":" + header + "}"), Optional.empty()))
                .isInstanceOfSatisfying(EnvelopeFormatException.class, e -> {
                    assertThat(e.getMessage()).contains("header.message_id").doesNotContain("xxxxxxxxxx");
                });
    }
}
