package io.crvs.core.domain;

/** Identity of a registry person (assigned by the {@code PartnerRepository}); positive. */
public record PersonId(long value) {
    public PersonId {
        if (value <= 0) {
            throw new InvalidInputException("person id must be positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
