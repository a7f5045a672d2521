package io.crvs.jooq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.JSONB;

/**
 * Persistence adapter mapper: the JSON columns of {@code vital_event}. {@code identifiers} holds the person
 * record's identifiers in order; {@code person_record} the rest of the record (name, sex, dates, marital status,
 * parents' identifiers); {@code custom_attributes} a flat string map. Absent members read as {@code null}; every
 * string is checked by {@link TextGuard} on the way in.
 */
final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumns() {
    }

    static JSONB identifiers(List<Identifier> identifiers) {
        return jsonb(identifierArray(identifiers, "identifier"));
    }

    static List<Identifier> identifiers(JSONB column) {
        return identifierList(parse(column));
    }

    /** The person record without its identifiers (they have their own column). */
    static JSONB personRecord(CrvsPersonRecord person) {
        ObjectNode o = JSON.createObjectNode();
        if (person.name() != null) {
            PersonName n = person.name();
            ObjectNode name = o.putObject("name");
            putText(name, "given_name", n.givenName());
            putText(name, "second_name", n.secondName());
            putText(name, "surname", n.surname());
            putText(name, "maiden_name", n.maidenName());
            putText(name, "prefix", n.prefix());
            putText(name, "suffix", n.suffix());
        }
        if (person.sex() != null) {
            o.put("sex", person.sex().name());
        }
        putDate(o, "birth_date", person.birthDate());
        putDate(o, "death_date", person.deathDate());
        if (person.maritalStatus() != null) {
            o.put("marital_status", person.maritalStatus().name());
        }
        putDate(o, "marriage_date", person.marriageDate());
        putDate(o, "divorce_date", person.divorceDate());
        o.set("parent_identifiers", identifierArray(person.parentIdentifiers(), "parent identifier"));
        return jsonb(o);
    }

    static CrvsPersonRecord personRecord(JSONB column, List<Identifier> identifiers) {
        JsonNode o = parse(column);
        JsonNode n = o.get("name");
        PersonName name = n == null ? null : new PersonName(text(n, "given_name"), text(n, "second_name"),
                text(n, "surname"), text(n, "maiden_name"), text(n, "prefix"), text(n, "suffix"));
        String sex = text(o, "sex");
        String marital = text(o, "marital_status");
        return new CrvsPersonRecord(identifiers, name, sex == null ? null : Sex.valueOf(sex), date(o, "birth_date"),
                date(o, "death_date"), marital == null ? null : CivilStatus.valueOf(marital),
                date(o, "marriage_date"), date(o, "divorce_date"), identifierList(o.get("parent_identifiers")));
    }

    static JSONB attributes(Map<String, String> attributes) {
        ObjectNode o = JSON.createObjectNode();
        new TreeMap<>(attributes).forEach((k, v) -> o.put(TextGuard.checked("custom attribute name", k),
                TextGuard.checked("custom attribute " + k, v)));
        return jsonb(o);
    }

    static Map<String, String> attributes(JSONB column) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : parse(column).properties()) {
            attributes.put(f.getKey(), f.getValue().asText());
        }
        return attributes;
    }

    private static ArrayNode identifierArray(List<Identifier> identifiers, String what) {
        ArrayNode a = JSON.createArrayNode();
        for (Identifier i : identifiers) {
            ObjectNode o = a.addObject();
            o.put("type", TextGuard.checked(what + " type", i.type().code()));
            o.put("value", TextGuard.checked(what + " value", i.value()));
        }
        return a;
    }

    private static List<Identifier> identifierList(JsonNode array) {
        List<Identifier> list = new ArrayList<>();
        if (array != null) {
            for (JsonNode o : array) {
                list.add(new Identifier(IdentifierType.of(o.get("type").asText()), o.get("value").asText()));
            }
        }
        return list;
    }

    private static void putText(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, TextGuard.checked("name " + key, value));
        }
    }

    private static void putDate(ObjectNode o, String key, LocalDate date) {
        if (date != null) {
            o.put(key, date.toString());
        }
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode o, String key) {
        String v = text(o, key);
        return v == null ? null : LocalDate.parse(v);
    }

    private static JSONB jsonb(JsonNode node) {
        try {
            return JSONB.jsonb(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static JsonNode parse(JSONB column) {
        try {
            return JSON.readTree(column.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds invalid JSON", e);
        }
    }
}
