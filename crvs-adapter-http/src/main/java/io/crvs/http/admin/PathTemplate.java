package io.crvs.http.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path such as {@code /events/{id}/notes}: literal segments and named {@code {variables}}, each variable
 * one whole non-empty segment.
 */
final class PathTemplate {

    private final String text;
    private final List<String> segments;
    private final int literals;

    PathTemplate(String text) {
        if (!text.startsWith("/") || text.length() < 2) {
            throw new IllegalArgumentException("a path template starts with / and names something: " + text);
        }
        this.text = text;
        this.segments = List.of(text.substring(1).split("/", -1));
        this.literals = (int) segments.stream().filter(s -> !isVariable(s)).count();
    }

    /** The values of the variables when the path's segments fit this template. */
    Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String actual = path.get(i);
            if (isVariable(segment)) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                values.put(segment.substring(1, segment.length() - 1), actual);
            } else if (!segment.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    /** How many literal segments it has: the more, the more specific ({@code /events/retry} beats {@code /events/{id}}). */
    int literals() {
        return literals;
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    @Override
    public String toString() {
        return text;
    }
}
