package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.Note;
import io.crvs.core.domain.Page;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.VitalEvent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/** JSON views of stored events: the list summary, the full detail, notes and audit lines. */
final class EventViews {

    private EventViews() {
    }

    static ObjectNode page(Page<VitalEvent> page) {
        ObjectNode node = ApiJson.object();
        ArrayNode items = node.putArray("items");
        page.items().forEach(e -> items.add(summary(e)));
        node.put("total", page.total());
        node.put("offset", page.offset());
        node.put("limit", page.limit());
        return node;
    }

    static ObjectNode summary(VitalEvent e) {
        ObjectNode node = ApiJson.object();
        node.put("id", e.id().value());
        node.put("sender_id", e.senderId());
        node.put("message_id", e.messageId());
        node.put("reference_id", e.referenceId());
        node.put("type", code(e.type().name()));
        ApiJson.put(node, "event_date", e.eventDate());
        node.set("identifiers", identifiers(e.identifiers()));
        node.put("state", e.state().code());
        node.put("attempts", e.attempts());
        ApiJson.put(node, "next_attempt_at", e.nextAttemptAt());
        if (e.lastError() == null) {
            node.putNull("last_error");
        } else {
            node.putObject("last_error").put("code", e.lastError().code()).put("message", e.lastError().message());
        }
        node.put("outcome", e.outcome() == null ? null : e.outcome().code());
        if (e.matchedPerson() == null) {
            node.putNull("matched_person");
        } else {
            node.put("matched_person", e.matchedPerson().value());
        }
        ApiJson.put(node, "received_at", e.receivedAt());
        return node;
    }

    /** The summary (with the identifiers) plus person record, raw item, raw envelope, notes and the audit trail. */
    static ObjectNode detail(VitalEvent e, Optional<ReceivedMessage> message, List<AuditEntry> history) {
        ObjectNode node = summary(e);
        node.put("item_index", e.itemIndex());
        node.put("transaction_id", e.transactionId());
        node.put("source", e.source());
        node.put("raw_event_type", e.details().rawEventType());
        ApiJson.put(node, "lease_until", e.leaseUntil());
        ApiJson.put(node, "updated_at", e.updatedAt());
        node.set("person", person(e.person()));
        ObjectNode custom = node.putObject("custom_attributes");
        new TreeMap<>(e.customAttributes()).forEach(custom::put);
        node.set("raw_item", ApiJson.raw(e.details().rawItem()));
        if (message.isPresent()) {
            ReceivedMessage m = message.get();
            ObjectNode msg = node.putObject("message");
            msg.put("action", m.action());
            msg.put("correlation_id", m.correlationId());
            msg.put("profile", m.profile().code());
            ApiJson.put(msg, "received_at", m.receivedAt());
            node.set("raw_envelope", ApiJson.raw(m.rawBody()));
        } else {
            node.putNull("message");
            node.putNull("raw_envelope");
        }
        ArrayNode notes = node.putArray("notes");
        e.notes().forEach(n -> notes.add(note(n)));
        ArrayNode trail = node.putArray("history");
        history.forEach(a -> trail.add(audit(a)));
        return node;
    }

    static ObjectNode note(Note n) {
        ObjectNode node = ApiJson.object();
        node.put("author", n.author());
        node.put("text", n.text());
        ApiJson.put(node, "at", n.at());
        return node;
    }

    static ObjectNode audit(AuditEntry a) {
        ObjectNode node = ApiJson.object();
        node.put("action", a.action());
        node.put("from", a.from() == null ? null : a.from().code());
        node.put("to", a.to() == null ? null : a.to().code());
        node.put("actor", a.actor());
        node.put("reason", a.reason());
        ApiJson.put(node, "at", a.at());
        return node;
    }

    static ArrayNode identifiers(List<Identifier> identifiers) {
        ArrayNode array = ApiJson.MAPPER.createArrayNode();
        for (Identifier i : identifiers) {
            array.addObject().put("type", i.type().code()).put("value", i.value());
        }
        return array;
    }

    static ObjectNode name(PersonName n) {
        ObjectNode node = ApiJson.object();
        putIfPresent(node, "given_name", n.givenName());
        putIfPresent(node, "second_name", n.secondName());
        putIfPresent(node, "surname", n.surname());
        putIfPresent(node, "maiden_name", n.maidenName());
        putIfPresent(node, "prefix", n.prefix());
        putIfPresent(node, "suffix", n.suffix());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    static ObjectNode person(CrvsPersonRecord p) {
        ObjectNode node = ApiJson.object();
        node.set("identifiers", identifiers(p.identifiers()));
        if (p.name() == null) {
            node.putNull("name");
        } else {
            node.set("name", name(p.name()));
        }
        node.put("sex", p.sex() == null ? null : code(p.sex().name()));
        ApiJson.put(node, "birth_date", p.birthDate());
        ApiJson.put(node, "death_date", p.deathDate());
        node.put("marital_status", p.maritalStatus() == null ? null : code(p.maritalStatus().name()));
        ApiJson.put(node, "marriage_date", p.marriageDate());
        ApiJson.put(node, "divorce_date", p.divorceDate());
        node.set("parent_identifiers", identifiers(p.parentIdentifiers()));
        return node;
    }

    private static String code(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
