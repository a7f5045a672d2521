package io.crvs.core.port.out;

import io.crvs.core.domain.Identifier;

/** An identifier that must be unique (every type but MRN) already belongs to another person. */
public final class IdentifierConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Identifier identifier;

    public IdentifierConflictException(Identifier identifier) {
        super("identifier of type " + identifier.type() + " already belongs to another person");
        this.identifier = identifier;
    }

    public Identifier identifier() {
        return identifier;
    }
}
