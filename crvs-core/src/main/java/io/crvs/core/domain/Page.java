package io.crvs.core.domain;

import java.util.List;

/** One page of results, newest first, and the total number matching. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }
}
