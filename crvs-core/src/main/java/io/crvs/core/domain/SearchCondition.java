package io.crvs.core.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One condition of a predicate search (DCI {@code expression1: {attribute_name, operator, attribute_value}}).
 *
 * @param attribute the CRVS person attribute ({@code birth_date}, {@code sex}, …): letters, digits, {@code _ . -},
 *                  1 to 64 characters
 * @param operator  how to compare
 * @param value     the value compared with, as text; not blank, at most 256 characters
 */
public record SearchCondition(String attribute, Operator operator, String value) {

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** The DCI comparison operators. */
    public enum Operator {
        EQ, GT, LT, GE, LE, IN;

        /** The wire name ({@code eq}, {@code ge}, …). */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Reads a wire name or symbol ({@code eq}, {@code =}, {@code >=}). */
        public static Operator parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            switch (t) {
                case "=", "==":
                    return EQ;
                case ">":
                    return GT;
                case "<":
                    return LT;
                case ">=":
                    return GE;
                case "<=":
                    return LE;
                default:
                    for (Operator o : values()) {
                        if (o.code().equals(t)) {
                            return o;
                        }
                    }
                    throw new InvalidInputException("unknown operator " + truncate(t)
                            + " (expected eq, gt, lt, ge, le or in)");
            }
        }

        private static String truncate(String s) {
            return s.length() <= 16 ? '"' + s + '"' : '"' + s.substring(0, 16) + "…\"";
        }
    }

    public SearchCondition {
        if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
            throw new InvalidInputException("a search attribute must be 1 to 64 letters, digits or _ . -");
        }
        Objects.requireNonNull(operator, "operator");
        if (value == null || value.isBlank() || value.length() > Identifier.MAX_VALUE_LENGTH) {
            throw new InvalidInputException("the value of search attribute " + attribute + " must have 1 to "
                    + Identifier.MAX_VALUE_LENGTH + " characters");
        }
    }

    /**
     * Reads {@code attribute<op>value} ({@code birth_date>=2020-01-01}, {@code sex=female}) or
     * {@code attribute:op:value} ({@code birth_date:ge:2020-01-01}).
     */
    public static SearchCondition parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split(":", 3);
        if (parts.length == 3 && ATTRIBUTE.matcher(parts[0]).matches()) {
            return new SearchCondition(parts[0], Operator.parse(parts[1]), parts[2]);
        }
        java.util.regex.Matcher m = Pattern.compile("([A-Za-z0-9_.-]{1,64})\\s*(>=|<=|==|=|>|<)\\s*(.+)")
                .matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidInputException("a condition must look like birth_date>=2020-01-01 or "
                    + "birth_date:ge:2020-01-01");
        }
        return new SearchCondition(m.group(1), Operator.parse(m.group(2)), m.group(3).strip());
    }

    @Override
    public String toString() {
        return attribute + " " + operator.code() + " ***";
    }
}
