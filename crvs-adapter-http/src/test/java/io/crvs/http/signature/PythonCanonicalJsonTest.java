package io.crvs.http.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PythonCanonicalJsonTest {

    private static String canonical(String json) throws CanonicalJsonException {
        return new String(PythonCanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII);
    }

    @TestFactory
    Stream<DynamicTest> givenEachValidCavageVector_headerAndMessage_equalsPythonBytes() throws IOException {
        Path dir = InteropFolder.root().resolve("canonical/dci-cavage-ed25519");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".canonical.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(11);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String id = file.getFileName().toString().replace(".canonical.json", "");
            byte[] body = InteropFolder.bytes("vectors/dci-cavage-ed25519/" + id + ".json");
            byte[] expected = Files.readAllBytes(file);
            assertThat(new String(PythonCanonicalJson.headerAndMessage(body), StandardCharsets.US_ASCII))
                    .isEqualTo(new String(expected, StandardCharsets.US_ASCII));
        }));
    }

    @Test
    void givenKeysAcrossPlanes_canonicalize_sortsByCodePointNotUtf16() throws Exception {
        // U+FF21 sorts before U+1F600 by code point, after it by UTF-16 unit (0xD83D < 0xFF21)
        assertThat(canonical("{\"\uD83D\uDE00\":1,\"\uFF21\":2,\"b\":3,\"B\":4,\"\":5}"))
                .isEqualTo("{\"\":5,\"B\":4,\"b\":3,\"\\uff21\":2,\"\\ud83d\\ude00\":1}");
    }

    @Test
    void givenControlAndNonAsciiCharacters_canonicalize_escapesLikeEnsureAscii() throws Exception {
        assertThat(canonical("[\"q\\\" b\\\\ \\n\\r\\t\\b\\f \\u0001 \\u001f \u007f \u00e9 \u2028 \uFEFF </>&'\"]"))
                .isEqualTo("[\"q\\\" b\\\\ \\n\\r\\t\\b\\f \\u0001 \\u001f \\u007f \\u00e9 \\u2028 \\ufeff </>&'\"]");
    }

    @Test
    void givenDecomposedText_canonicalize_doesNotNormalize() throws Exception {
        assertThat(canonical("\"Zoe\u0301\"")).isEqualTo("\"Zoe\\u0301\"");
    }

    @Test
    void givenNumbers_canonicalize_writesPythonIntsAndFloats() throws Exception {
        assertThat(canonical("[12345678901234567890123, -0, 0, -7, 2.0, -0.0, -0e3, 1E+2, 1.50, 1e-5, 1e16,"
                + " 0.0001, 123456789012345678.0, 1e400]"))
                .isEqualTo("[12345678901234567890123,0,0,-7,2.0,-0.0,-0.0,100.0,1.5,1e-05,1e+16,"
                        + "0.0001,1.2345678901234568e+17,Infinity]");
    }

    @Test
    void givenDuplicateKeys_canonicalize_keepsTheLastValue() throws Exception {
        assertThat(canonical("{\"a\":1,\"b\":{\"x\":true},\"a\":[null,false]}"))
                .isEqualTo("{\"a\":[null,false],\"b\":{\"x\":true}}");
    }

    @Test
    void givenPrettyPrintedEnvelope_headerAndMessage_dropsSignatureAndFormatting() throws Exception {
        byte[] body = "{\n  \"signature\": \"x\",\n  \"message\": {\"z\": 1, \"a\": []},\n  \"header\": {\"b\": null}\n}\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new String(PythonCanonicalJson.headerAndMessage(body), StandardCharsets.US_ASCII))
                .isEqualTo("{\"header\":{\"b\":null},\"message\":{\"a\":[],\"z\":1}}");
    }

    @Test
    void givenBodiesThatCannotBeSigned_headerAndMessage_saysWhy() {
        assertThatThrownBy(() -> PythonCanonicalJson.headerAndMessage("{\"header\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CanonicalJsonException.class).hasMessage("body is not JSON");
        assertThatThrownBy(() -> PythonCanonicalJson.headerAndMessage("{\"message\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CanonicalJsonException.class).hasMessage("envelope has no header object");
        assertThatThrownBy(() -> PythonCanonicalJson.headerAndMessage("{\"header\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CanonicalJsonException.class).hasMessage("envelope has no message");
        assertThatThrownBy(() -> PythonCanonicalJson.headerAndMessage("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CanonicalJsonException.class).hasMessage("body is not a JSON object");
        assertThatThrownBy(() -> PythonCanonicalJson.headerAndMessage("{} {}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CanonicalJsonException.class);
    }
}
