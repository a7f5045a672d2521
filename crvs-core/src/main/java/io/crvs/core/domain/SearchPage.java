package io.crvs.core.domain;

/**
 * A page of a CRVS search (DCI {@code pagination}): page numbers count from 1.
 *
 * @param number the page, 1 or more
 * @param size   records per page, 1 to {@value #MAX_SIZE}
 */
public record SearchPage(int number, int size) {
    public static final int MAX_SIZE = 1000;
    public static final int DEFAULT_SIZE = 10;

    public SearchPage {
        if (number < 1) {
            throw new InvalidInputException("page numbers count from 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("page size must be between 1 and " + MAX_SIZE);
        }
    }

    /** The first page of {@value #DEFAULT_SIZE} records. */
    public static SearchPage first() {
        return new SearchPage(1, DEFAULT_SIZE);
    }
}
