package io.crvs.core.port.out;

import io.crvs.core.domain.PersonId;

/** A person was updated from a version that is no longer current (someone else changed it first). */
public final class StaleVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StaleVersionException(PersonId id, long expectedVersion) {
        super("person " + id + " is no longer at version " + expectedVersion);
    }
}
