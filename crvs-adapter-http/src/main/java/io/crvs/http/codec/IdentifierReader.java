package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads person identifiers in every shape seen on the wire: a list or a single object, each
 * {@code {identifier_type, identifier_value}} (CRVSPerson) or {@code {type, value}} (query and OpenSPP shape),
 * JSON-LD {@code @type} ignored. Values are kept exactly as sent; a number is taken as its decimal text.
 */
final class IdentifierReader {

    private IdentifierReader() {
    }

    /** Every identifier under {@code node} (list or single object), in order; absent gives an empty list. */
    static List<Identifier> readAll(JsonNode node, String field, JsonFields.Problem problem) {
        List<JsonNode> elements = JsonFields.elements(node);
        List<Identifier> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            out.add(readOne(elements.get(i), node.isArray() ? field + "[" + i + "]" : field, problem));
        }
        return out;
    }

    private static Identifier readOne(JsonNode node, String field, JsonFields.Problem problem) {
        if (node == null || !node.isObject()) {
            throw problem.at(field, "must be an object with identifier_type and identifier_value");
        }
        String typeField = orDefault(JsonFields.firstPresent(node, "identifier_type", "type"), "identifier_type");
        String valueField = orDefault(JsonFields.firstPresent(node, "identifier_value", "value"), "identifier_value");
        String type = JsonFields.nonBlankText(JsonFields.member(node, typeField), field + "." + typeField, problem);
        if (type == null) {
            throw problem.at(field + "." + typeField, "is missing");
        }
        String value = JsonFields.text(JsonFields.member(node, valueField), field + "." + valueField, problem);
        if (value == null) {
            throw problem.at(field + "." + valueField, "is missing");
        }
        try {
            return Identifier.of(type, value);
        } catch (InvalidInputException e) {
            // the domain's messages name the type and the rule, never the value
            throw problem.at(field, "is not usable: " + SafeText.clean(e.getMessage(), 120));
        }
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
