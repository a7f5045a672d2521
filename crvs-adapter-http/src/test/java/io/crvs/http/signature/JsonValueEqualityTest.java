package io.crvs.http.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.http.envelope.EnvelopeJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonValueEqualityTest {

    private static JsonNode json(String s) throws Exception {
        return EnvelopeJson.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1,\"b\":[1,2]}|{\"b\":[1,2],\"a\":1}|true",
            "{\"a\":1}|{\"a\":1.0}|true",
            "{\"a\":100}|{\"a\":1e2}|true",
            "{\"a\":\"\\u00e9\"}|{\"a\":\"\u00e9\"}|true",
            "[1,2]|[2,1]|false",
            "{\"a\":1}|{\"a\":1,\"b\":null}|false",
            "{\"a\":null}|{\"b\":null}|false",
            "{\"a\":\"1\"}|{\"a\":1}|false",
            "{\"a\":true}|{\"a\":\"true\"}|false",
            "{\"a\":0.1}|{\"a\":0.10000000000000001}|false"})
    void givenTwoDocuments_equal_comparesThemAsValues(String a, String b, boolean expected) throws Exception {
        assertThat(JsonValueEquality.equal(json(a), json(b))).isEqualTo(expected);
        assertThat(JsonValueEquality.equal(json(b), json(a))).isEqualTo(expected);
    }
}
