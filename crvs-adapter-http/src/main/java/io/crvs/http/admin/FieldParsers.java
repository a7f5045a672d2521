package io.crvs.http.admin;

import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.EventTypeNormalizer;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.VitalEventType;
import io.crvs.http.codec.SafeText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parsers of the admin API's request values (ids, states, types, identifiers, times, profiles): each turns text
 * into a domain value or throws {@code bad_request} naming the field and quoting (shortened) what was sent.
 */
final class FieldParsers {

    private FieldParsers() {
    }

    static EventId eventId(String field, String text) {
        return new EventId(positiveLong(field, text, "event id"));
    }

    static PersonId personId(String field, String text) {
        return new PersonId(positiveLong(field, text, "person id"));
    }

    private static long positiveLong(String field, String text, String what) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, what + " must be a positive integer, not " + SafeText.quote(text));
        }
        if (value <= 0) {
            throw ApiException.badRequest(field, what + " must be a positive integer, not " + SafeText.quote(text));
        }
        return value;
    }

    static EventState state(String field, String text) {
        try {
            return EventState.parse(text);
        } catch (InvalidInputException e) {
            throw ApiException.badRequest(field, "unknown event state " + SafeText.quote(text)
                    + " (expected received, processing, processed or error)");
        }
    }

    static VitalEventType type(String field, String text) {
        return EventTypeNormalizer.tryNormalize(text).orElseThrow(() -> ApiException.badRequest(field,
                "unknown event type " + SafeText.quote(text) + " (expected birth, death, marriage, divorce, …)"));
    }

    /** {@code TYPE:VALUE}, split at the first colon; the value is kept exactly as sent. */
    static Identifier identifier(String field, String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw ApiException.badRequest(field, field + " must be TYPE:VALUE (for example UIN:12345)");
        }
        try {
            return Identifier.of(text.substring(0, colon), text.substring(colon + 1));
        } catch (InvalidInputException e) {
            throw ApiException.badRequest(field, field + " is not a valid identifier: "
                    + SafeText.clean(e.getMessage(), SafeText.QUOTE_LIMIT * 2));
        }
    }

    /**
     * An instant ({@code 2026-01-31T12:00:00Z}, any offset) or a calendar date in UTC. A date as the start of a
     * range means its first instant; as the (exclusive) end of a range it means the next day's first instant, so
     * {@code from=2026-01-01&to=2026-01-31} covers all of January 31st.
     */
    static Instant instant(String field, String text, boolean endOfRange) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfRange ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be an ISO-8601 date (2026-01-31) or date-time "
                    + "with offset (2026-01-31T12:00:00Z), not " + SafeText.quote(text));
        }
    }

    static SignatureProfile profile(String field, String text) {
        try {
            return SignatureProfile.parse(text);
        } catch (InvalidInputException e) {
            throw ApiException.badRequest(field, "unknown signature profile " + SafeText.quote(text)
                    + " (expected dci-cavage-ed25519, jws-compact, jws-detached-header or none)");
        }
    }
}
