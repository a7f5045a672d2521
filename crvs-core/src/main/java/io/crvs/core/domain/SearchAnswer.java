package io.crvs.core.domain;

import java.util.Objects;

/** The CRVS's answer to one search of a batch: records, or a refusal of that search alone. */
public sealed interface SearchAnswer {

    /** The search was answered (possibly with no records). */
    record Answered(CrvsSearchResult result) implements SearchAnswer {
        public Answered {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * The CRVS refused this search ({@code status: rjct}).
     *
     * @param code    the CRVS's {@code status_reason_code} ({@code rjct.search_criteria.invalid}, …) or
     *                {@code rjct} when it gave none
     * @param message its {@code status_reason_message}, or {@code null}
     */
    record Refused(String code, String message) implements SearchAnswer {
        public Refused {
            Objects.requireNonNull(code, "code");
        }
    }
}
