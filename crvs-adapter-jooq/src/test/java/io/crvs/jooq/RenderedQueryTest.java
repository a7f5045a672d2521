package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.VITAL_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class RenderedQueryTest {

    private static final RenderedQuery DUE = RenderedQuery.of(DSL.selectFrom(VITAL_EVENT)
            .where(VITAL_EVENT.STATE.eq(DSL.inline("received")), VITAL_EVENT.NEXT_ATTEMPT_AT.le(Instant.EPOCH))
            .limit(1));
    /** Not connected: the checks below must refuse before any statement is prepared. */
    private final DSLContext detached = DSL.using(SQLDialect.POSTGRES);

    @Test
    void placeholdersAreRenderedAsParametersAndInlinedValuesAsLiterals() {
        assertThat(DUE.sql()).contains("'received'").doesNotContain("1970");
        assertThat(DUE.sql().chars().filter(c -> c == '?').count()).isEqualTo(2);
    }

    @Test
    void givenTooFewValues_fetch_refusesNamingTheExpectedCount() {
        assertThatThrownBy(() -> DUE.fetch(detached, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("expected 2 values");
    }

    @Test
    void givenAValueOfAnotherTypeThanItsPlaceholder_fetch_refusesNamingTheType() {
        assertThatThrownBy(() -> DUE.fetch(detached, Instant.EPOCH, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value 2 must be a java.lang.Long");
        assertThatThrownBy(() -> DUE.fetch(detached, null, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value 1 must be a java.time.Instant");
    }

    @Test
    void givenAPlaceholderWithoutValue_of_refuses() {
        assertThatThrownBy(() -> RenderedQuery.of(DSL.selectFrom(VITAL_EVENT)
                .where(VITAL_EVENT.SENDER_ID.eq(DSL.val((String) null)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no value");
    }
}
