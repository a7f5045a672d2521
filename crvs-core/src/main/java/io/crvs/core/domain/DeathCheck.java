package io.crvs.core.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The CRVS's verdict on whether the person with a UIN has died. A person is deceased when a record the CRVS holds
 * for the UIN carries a death date; records that disagree on that date are {@link Ambiguous}, never narrowed to
 * one.
 */
public sealed interface DeathCheck {

    /** The UIN that was looked up. */
    Identifier uin();

    /**
     * The CRVS records the person's death.
     *
     * @param deathDate the date of death as the CRVS registered it
     * @param record    the record carrying it
     */
    record Deceased(Identifier uin, LocalDate deathDate, CrvsPersonRecord record) implements DeathCheck {
        public Deceased {
            Objects.requireNonNull(uin, "uin");
            Objects.requireNonNull(deathDate, "deathDate");
            Objects.requireNonNull(record, "record");
        }
    }

    /** The CRVS knows the person and records no death. */
    record NotDeceased(Identifier uin, CrvsPersonRecord record) implements DeathCheck {
        public NotDeceased {
            Objects.requireNonNull(uin, "uin");
            Objects.requireNonNull(record, "record");
        }
    }

    /** The CRVS holds no record for the UIN. */
    record NotFound(Identifier uin) implements DeathCheck {
        public NotFound {
            Objects.requireNonNull(uin, "uin");
        }
    }

    /** The CRVS's records for the UIN disagree (different death dates, or several different persons). */
    record Ambiguous(Identifier uin, long count) implements DeathCheck {
        public Ambiguous {
            Objects.requireNonNull(uin, "uin");
        }
    }
}
