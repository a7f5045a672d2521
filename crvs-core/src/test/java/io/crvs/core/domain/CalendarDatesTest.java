package io.crvs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarDatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-12-01, 2024-12-01",
            "2024-12-01T23:30, 2024-12-01",
            "2024-12-01T23:30:59, 2024-12-01",
            "2024-12-01T23:30:59.123456, 2024-12-01",
            "2024-12-01 08:00:00, 2024-12-01",
            "2024-12-01T23:30-10:00, 2024-12-01",
            "2024-12-01T23:30:00+14:00, 2024-12-01",
            "2024-12-01T00:15:00Z, 2024-12-01",
            "2024-12-01T00:15:00+0530, 2024-12-01",
            "2025-12-30T22:40:00-05:00, 2025-12-30",
            "2024-02-29, 2024-02-29",
            "' 2024-12-01 ', 2024-12-01"
    })
    void acceptedForms_keepTheCalendarDateAsWritten(String value, LocalDate expected) {
        assertThat(CalendarDates.parse(value)).isEqualTo(expected);
    }

    @Test
    void offsetDateTime_isNeverShiftedThroughUtc() {
        // 23:30 at UTC-10 is 09:30 the next day in UTC; the registrar's date is the 1st.
        assertThat(CalendarDates.parse("2024-12-01T23:30-10:00")).isEqualTo(LocalDate.of(2024, 12, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-30", "2024-13-01", "0000-00-00", "2023-02-29", "2024-04-31", "2024-00-10",
            "2024-12-01T24:00", "2024-12-01T23:60", "2024-12-01T23:30:61", "2024-12-01T10:00+19:00"})
    void impossibleDates_areRejectedNotClamped(String value) {
        assertThatThrownBy(() -> CalendarDates.parse(value)).isInstanceOf(InvalidDateException.class)
                .hasMessageContaining(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"02.05.2004", "2024/12/01", "20241201", "2024-1-1", "yesterday", "2024-12-01T",
            "2024-12-01Tnoon", "2024-12-01T10:00+5"})
    void malformedDates_areRejected(String value) {
        assertThatThrownBy(() -> CalendarDates.parse(value)).isInstanceOf(InvalidDateException.class)
                .hasMessageContaining("expected YYYY-MM-DD");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void emptyDates_areRejected(String value) {
        assertThatThrownBy(() -> CalendarDates.parse(value)).isInstanceOf(InvalidDateException.class)
                .hasMessageContaining("empty");
    }
}
