package io.crvs.core.domain;

import java.util.Objects;

/**
 * One search to send to a CRVS registry.
 *
 * @param query     what to look for
 * @param eventType the registry event the search is about ({@code reg_event_type}), or {@code null} for any
 * @param page      which page of the results
 */
public record CrvsSearch(SearchQuery query, VitalEventType eventType, SearchPage page) {
    public CrvsSearch {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
    }

    /** The first page of the records carrying {@code identifier}, any event type. */
    public static CrvsSearch byIdentifier(Identifier identifier) {
        return new CrvsSearch(SearchQuery.identifier(identifier), null, SearchPage.first());
    }
}
