package io.crvs.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * What to look for in a CRVS registry (DCI {@code search_criteria.query}, reference §7.1): one person by an
 * identifier ({@code query_type: idtype-value}) or every person meeting a list of conditions
 * ({@code query_type: predicate}).
 */
public sealed interface SearchQuery {

    /** The person carrying this identifier. */
    record ByIdentifier(Identifier identifier) implements SearchQuery {
        public ByIdentifier {
            Objects.requireNonNull(identifier, "identifier");
        }
    }

    /**
     * Every person meeting all the conditions (joined with {@code and}), 1 to {@value #MAX_CONDITIONS} of them.
     */
    record ByPredicate(List<SearchCondition> conditions) implements SearchQuery {
        public static final int MAX_CONDITIONS = 20;

        public ByPredicate {
            conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
            if (conditions.isEmpty() || conditions.size() > MAX_CONDITIONS) {
                throw new InvalidInputException("a predicate query needs 1 to " + MAX_CONDITIONS + " conditions");
            }
        }
    }

    /** Shorthand for {@link ByIdentifier}. */
    static SearchQuery identifier(Identifier identifier) {
        return new ByIdentifier(identifier);
    }
}
