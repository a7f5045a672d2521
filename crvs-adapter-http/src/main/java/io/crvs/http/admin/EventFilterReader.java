package io.crvs.http.admin;

import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.Identifier;
import java.time.Instant;
import java.util.Set;

/**
 * Reads event criteria from query parameters (the list) or a JSON body (the bulk retry): {@code state},
 * {@code type}, {@code sender}, {@code from}, {@code to} (on the receipt time; {@code from} inclusive,
 * {@code to} exclusive), {@code identifier} ({@code TYPE:VALUE}) and {@code person} (the matched registry
 * person's id). Every absent criterion matches everything.
 */
final class EventFilterReader {

    /** The criteria's field names. */
    static final Set<String> FIELDS = Set.of("state", "type", "sender", "from", "to", "identifier", "person");

    private EventFilterReader() {
    }

    /** @param withState whether {@code state} is read (the bulk retry ignores it: it only retries errors) */
    static EventFilter read(FieldSource fields, boolean withState) {
        EventFilter filter = EventFilter.all();
        if (withState) {
            filter = filter.withState(fields.text("state").map(v -> FieldParsers.state("state", v)).orElse(null));
        }
        filter = filter.withType(fields.text("type").map(v -> FieldParsers.type("type", v)).orElse(null));
        filter = filter.withSender(fields.text("sender").orElse(null));
        Instant from = fields.text("from").map(v -> FieldParsers.instant("from", v, false)).orElse(null);
        Instant to = fields.text("to").map(v -> FieldParsers.instant("to", v, true)).orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("to", "to must be after from");
        }
        filter = filter.withReceivedBetween(from, to);
        Identifier identifier = fields.text("identifier").map(v -> FieldParsers.identifier("identifier", v))
                .orElse(null);
        filter = filter.withIdentifier(identifier);
        return filter.withMatchedPerson(fields.text("person").map(v -> FieldParsers.personId("person", v))
                .orElse(null));
    }

    /** The criteria for an audit line: identifier values are personal data and are masked. */
    static String describe(EventFilter f) {
        StringBuilder sb = new StringBuilder();
        append(sb, "type", f.type() == null ? null : f.type().name().toLowerCase(java.util.Locale.ROOT));
        append(sb, "sender", f.senderId());
        append(sb, "from", f.receivedFrom());
        append(sb, "to", f.receivedTo());
        append(sb, "identifier", f.identifier() == null ? null : f.identifier().type() + ":***");
        append(sb, "person", f.matchedPerson());
        return sb.length() == 0 ? "all errors" : sb.toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(sb.length() == 0 ? "" : " ").append(name).append('=').append(value);
        }
    }
}
