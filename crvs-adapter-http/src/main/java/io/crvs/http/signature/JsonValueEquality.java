package io.crvs.http.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Equality of two JSON values as values, the way OpenCRVS deep-compares a JWS payload with the envelope: member
 * order and formatting do not matter, array order does, numbers compare by exact decimal value ({@code 1},
 * {@code 1.0} and {@code 1e0} are equal), strings by their characters. Stateless and thread-safe.
 */
final class JsonValueEquality {

    private JsonValueEquality() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!equal(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.getNodeType() == b.getNodeType() && a.equals(b);
    }
}
