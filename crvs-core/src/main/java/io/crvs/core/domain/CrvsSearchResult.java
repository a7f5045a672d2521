package io.crvs.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * A CRVS's answer to one search: the person records of the requested page, verified (the answer's signature
 * checked with the CRVS's keys) and read leniently.
 *
 * @param records    the records of this page, in the CRVS's order; empty when nothing matched
 * @param page       the page the CRVS says it returned
 * @param totalCount how many records match in all (the CRVS's count, or the records' count when it gave none)
 */
public record CrvsSearchResult(List<CrvsPersonRecord> records, SearchPage page, long totalCount) {
    public CrvsSearchResult {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        Objects.requireNonNull(page, "page");
        if (totalCount < 0) {
            throw new InvalidInputException("total count must not be negative");
        }
    }
}
