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
        String text = JsonFields.nonBlankText(JsonFields.last(node), field, problem);
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
