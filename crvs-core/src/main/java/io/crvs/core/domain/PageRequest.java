package io.crvs.core.domain;

/** A page of results: skip {@code offset}, return at most {@code limit} (1 to 1000). */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw new InvalidInputException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }
}
