package io.crvs.core.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the calendar date of a CRVS date value, exactly as written.
 *
 * <p>Accepted forms: date only ({@code 2024-12-01}), local date-time ({@code 2024-12-01T23:30[:00[.000]]}) and
 * offset date-time ({@code 2024-12-01T23:30-10:00}, {@code …Z}, {@code …+0530}); a space may stand for the
 * {@code T}. The result is the date as written: {@code 2024-12-01T23:30-10:00} is 2024-12-01, never shifted
 * through UTC, because a civil registrar records the local calendar date of the event. Impossible dates
 * (2021-02-30, 2024-13-01, 0000-00-00) and empty values are rejected, never clamped.
 */
public final class CalendarDates {

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})"
                    + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?"
                    + "(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?");

    private CalendarDates() {
    }

    /**
     * Parses a date value.
     *
     * @param value the value as sent; {@code null} or blank is rejected
     * @return the calendar date as written
     * @throws InvalidDateException when the value is empty, malformed or names an impossible date or time
     */
    public static LocalDate parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidDateException(value, "empty");
        }
        Matcher m = FORM.matcher(value.strip());
        if (!m.matches()) {
            throw new InvalidDateException(value, "expected YYYY-MM-DD, optionally with a time and an offset");
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new InvalidDateException(value, "no such date");
        }
        if (date.getYear() < 1) {
            throw new InvalidDateException(value, "year must be 0001 or later");
        }
        if (m.group(4) != null) {
            checkRange(value, m.group(4), 23, "hour");
            checkRange(value, m.group(5), 59, "minute");
            if (m.group(6) != null) {
                checkRange(value, m.group(6), 59, "second");
            }
        }
        String offset = m.group(7);
        if (offset != null && offset.length() > 1) {
            checkRange(value, offset.substring(1, 3), 18, "offset hours");
            if (offset.length() > 3) {
                checkRange(value, offset.substring(offset.length() - 2), 59, "offset minutes");
            }
        }
        return date;
    }

    private static void checkRange(String value, String digits, int max, String what) {
        if (Integer.parseInt(digits) > max) {
            throw new InvalidDateException(value, what + " out of range");
        }
    }
}
