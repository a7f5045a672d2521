package io.crvs.http.admin;

import io.crvs.http.codec.SafeText;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of a request, read strictly: a parameter the route does not know or a repeated one is a
 * {@code bad_request} naming it (a typo must not silently widen a filter); an empty value counts as absent.
 */
final class QueryParams implements FieldSource {

    private final Map<String, Deque<String>> params;

    QueryParams(Map<String, Deque<String>> params) {
        this.params = Map.copyOf(params);
    }

    /** Refuses any parameter not in {@code allowed}. */
    QueryParams allowOnly(Set<String> allowed) {
        for (String name : new TreeSet<>(params.keySet())) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(name, "unknown query parameter " + SafeText.quote(name)
                        + (allowed.isEmpty() ? "; this route takes none" : "; expected one of " + new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    @Override
    public Optional<String> text(String name) {
        Deque<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ApiException.badRequest(name, "query parameter " + name + " is given more than once");
        }
        String value = values.getFirst();
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** An integer within bounds, or {@code defaultValue} when absent. */
    int intValue(String name, int defaultValue, int min, int max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.get().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be an integer, not " + SafeText.quote(text.get()));
        }
        if (value < min || value > max) {
            throw ApiException.badRequest(name, name + " must be between " + min + " and " + max);
        }
        return value;
    }
}
