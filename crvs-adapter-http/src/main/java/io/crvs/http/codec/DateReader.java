package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.CalendarDates;
import io.crvs.core.domain.InvalidDateException;
import java.time.LocalDate;

/**
 * Reads a date field leniently: a single value or a list (the last item counts, as for {@code marriage_date});
 * date-only, local and offset forms give the calendar date as written. Absent, JSON null, an empty list and an
 * empty string (seen in mocks) mean "no date". A value that is not a possible date is rejected; the error names
 * the field but never repeats the value (dates of birth are personal data).
 */
final class DateReader {

    private DateReader() {
    }

    static LocalDate read(JsonNode node, String field, JsonFields.Problem problem) {
        if (node != null && node.isArray()) {
            // a list (marriage_date, divorce_date): every date must be valid, the last one counts
            for (int i = 0; i < node.size() - 1; i++) {
                readOne(node.get(i), field + "[" + i + "]", problem);
            }
            return node.isEmpty() ? null : readOne(node.get(node.size() - 1), field + "[" + (node.size() - 1) + "]",
                    problem);
        }
        return readOne(node, field, problem);
    }

    private static LocalDate readOne(JsonNode node, String field, JsonFields.Problem problem) {
        String text = JsonFields.nonBlankText(node, field, problem);
        if (text == null) {
            return null;
        }
        try {
            return CalendarDates.parse(text);
        } catch (InvalidDateException e) {
            throw problem.at(field, "is not a valid calendar date (expected YYYY-MM-DD, optionally with a time"
                    + " and an offset)");
        }
    }
}
