package io.crvs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchConditionTest {

    @Test
    void parse_readsSymbolsAndColonForms() {
        assertThat(SearchCondition.parse("birth_date>=2020-01-01")).isEqualTo(
                new SearchCondition("birth_date", SearchCondition.Operator.GE, "2020-01-01"));
        assertThat(SearchCondition.parse("sex = female")).isEqualTo(
                new SearchCondition("sex", SearchCondition.Operator.EQ, "female"));
        assertThat(SearchCondition.parse("region_code:in:R-1,R-2")).isEqualTo(
                new SearchCondition("region_code", SearchCondition.Operator.IN, "R-1,R-2"));
        assertThat(SearchCondition.parse("death_date<2025-01-01").operator()).isEqualTo(SearchCondition.Operator.LT);
    }

    @Test
    void parse_refusesWhatItCannotRead() {
        assertThatThrownBy(() -> SearchCondition.parse("no operator here")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SearchCondition.parse("a:like:b")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> new SearchCondition("bad attribute", SearchCondition.Operator.EQ, "x"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void toString_hidesTheValue() {
        assertThat(new SearchCondition("uin", SearchCondition.Operator.EQ, "U-secret").toString())
                .doesNotContain("U-secret");
    }
}
