package io.crvs.http.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatReprTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "2.0 2.0", "-0.0 -0.0", "0.0 0.0", "1e-05 1e-05", "0.0001 0.0001", "1.5e-07 1.5e-07",
            "1e16 1e+16", "9999999999999998 9999999999999998.0", "12345678.9 12345678.9",
            "123456789012345678 1.2345678901234568e+17", "0.30000000000000004 0.30000000000000004",
            "-0.5 -0.5", "5e-324 5e-324", "1.7976931348623157e308 1.7976931348623157e+308", "1e22 1e+22",
            "100 100.0", "0.1 0.1", "1e400 Infinity", "-1e400 -Infinity"})
    void givenKnownDouble_repr_matchesPython(String input, String expected) {
        assertThat(PythonFloatRepr.repr(Double.parseDouble(input))).isEqualTo(expected);
    }

    @Test
    void givenPythonGeneratedTable_repr_matchesEveryEntry() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        try (InputStream in = getClass().getResourceAsStream("python-float-repr.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                double value = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(parts[0]));
                count++;
                String actual = PythonFloatRepr.repr(value);
                if (!actual.equals(parts[1])) {
                    mismatches.add(parts[0] + ": expected " + parts[1] + " got " + actual);
                }
            }
        }
        assertThat(count).isGreaterThan(8000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void givenPowerOfTwoWithLopsidedInterval_repr_takesTheNeighbourThatRoundTrips() {
        // Below 2^-1017 the gap to the next lower double is half the gap above, so the nearest 16-digit decimal
        // (...044) reads back as another double; Python prints the upper neighbour (...045).
        double x = Math.scalb(1.0, -1017);
        assertThat(PythonFloatRepr.repr(x)).isEqualTo("7.120236347223045e-307");
        assertThat(Double.parseDouble("7.120236347223044e-307")).isNotEqualTo(x);
    }
}
