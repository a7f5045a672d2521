package io.crvs.core.domain;

import java.util.Objects;

/**
 * The CRVS's verdict on a birth looked up by a BRN or a UIN. Never a guess: several different records for one
 * identifier are reported as {@link Ambiguous}, not narrowed to one.
 */
public sealed interface BirthVerification {

    /** The identifier that was looked up. */
    Identifier identifier();

    /** The CRVS holds exactly one record for the identifier: the person as registered. */
    record Found(Identifier identifier, CrvsPersonRecord record) implements BirthVerification {
        public Found {
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(record, "record");
        }
    }

    /** The CRVS holds no record for the identifier. */
    record NotFound(Identifier identifier) implements BirthVerification {
        public NotFound {
            Objects.requireNonNull(identifier, "identifier");
        }
    }

    /** The CRVS returned {@code count} (2 or more) different records for the identifier. */
    record Ambiguous(Identifier identifier, long count) implements BirthVerification {
        public Ambiguous {
            Objects.requireNonNull(identifier, "identifier");
        }
    }
}
