package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient readers for JSON values as senders really write them: a scalar may come as a string or a number, a
 * value as a list or a single item. JSON {@code null} counts as absent. A problem is reported through the
 * {@link Problem} callback so that each caller can name the field and item at fault.
 */
final class JsonFields {

    /** Turns a description of what is wrong with a field into the exception to throw. */
    @FunctionalInterface
    interface Problem {
        EnvelopeFormatException at(String field, String problem);
    }

    private JsonFields() {
    }

    /** The member, or {@code null} when the parent is not an object, the member is missing or JSON null. */
    static JsonNode member(JsonNode parent, String name) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode n = parent.get(name);
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    /** The first of the named members that is present, or {@code null}. */
    static String firstPresent(JsonNode parent, String... names) {
        for (String name : names) {
            if (member(parent, name) != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * A scalar as text: strings as they are, numbers in plain decimal form, booleans as {@code true/false}.
     *
     * @return the text, or {@code null} when the node is absent
     * @throws EnvelopeFormatException when it is an object or a list
     */
    static String text(JsonNode node, String field, Problem problem) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        throw problem.at(field, "must be a string");
    }

    /** Like {@link #text} but {@code null} also for a blank value. */
    static String nonBlankText(JsonNode node, String field, Problem problem) {
        String t = text(node, field, problem);
        return t == null || t.isBlank() ? null : t;
    }

    /** A list's last element (an empty list gives {@code null}); any other node as it is. */
    static JsonNode last(JsonNode node) {
        if (node != null && node.isArray()) {
            return node.isEmpty() ? null : node.get(node.size() - 1);
        }
        return node;
    }

    /** A list's elements, or a single value as a one-element list; absent gives an empty list. */
    static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }
}
