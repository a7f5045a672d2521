package io.crvs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchArgsTest {

    @Test
    void options_settingsAndPlan_areReadFromTheCommandLine() {
        BenchArgs a = BenchArgs.parse(new String[] {"run", "--quick", "--no-jmh", "--set", "workers.count=2",
                "--only", "cavage-100", "--work", "/tmp/w"});

        assertThat(a.options()).containsEntry("--quick", "true").containsEntry("--no-jmh", "true")
                .containsEntry("--work", "/tmp/w");
        assertThat(a.settings()).containsEntry("log.level", "info").containsEntry("workers.count", "2");
        assertThat(a.plan().jmh()).isFalse();
        assertThat(a.plan().scenarios()).extracting(Plan.Scenario::name).endsWith(Plan.BATCH)
                .doesNotContain(Plan.SINGLE);
    }

    @Test
    void backfill_takesItsSizeFromEvents() {
        BenchArgs a = BenchArgs.parse(new String[] {"backfill", "--events", "5000"});

        assertThat(a.plan().scenarios()).extracting(Plan.Scenario::name).contains("backfill-5000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --set workers.count     | --set needs key=value, not workers.count",
        "run --set                   | --set needs a value",
        "run --only                  | --only needs a value",
        "run --only nosuch           | no measured scenario named [nosuch] in the standard set",
        "run --fast                  | unknown option --fast",
        "backfill --events x         | --events needs a number, not x",
        "backfill --events 5         | --events needs at least 100 events, not 5",
        "replay                      | unknown command replay"})
    void givenABadCommandLine_parse_refusesWithAUsageErrorNamingTheFault(String line, String message) {
        assertThatThrownBy(() -> BenchArgs.parse(line.split(" ")))
                .isInstanceOf(BenchArgs.UsageException.class).hasMessageStartingWith(message);
    }
}
