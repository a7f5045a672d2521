package io.crvs.jooq;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;

/**
 * Rows bound as one array per column and read back with {@code unnest(...) with ordinality}: a statement whose text
 * is the same for any number of rows, so PostgreSQL prepares it once and nothing is rendered per row. Each array is
 * sent as {@code text[]} and cast to the column's type in SQL (null elements stay null).
 */
final class Unnest {

    private Unnest() {
    }

    /**
     * {@code unnest(?::bigint[], ?::text[], ...) with ordinality as alias(name, ..., ord)} for the columns, one
     * parameter per column, typed as the columns.
     */
    static String from(List<? extends Field<?>> columns, List<String> names, String alias) {
        StringBuilder sql = new StringBuilder("unnest(");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("?::").append(sqlType(columns.get(i))).append("[]");
        }
        sql.append(") with ordinality as ").append(alias).append(" (");
        for (String name : names) {
            sql.append(name).append(", ");
        }
        return sql.append("ord)").toString();
    }

    /** Binds {@code rows} (each with one value per column) as one text array per column, from {@code first}. */
    static void bind(Connection c, PreparedStatement ps, int first, int columns, List<Object[]> rows)
            throws SQLException {
        for (int col = 0; col < columns; col++) {
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = text(rows.get(r)[col]);
            }
            ps.setArray(first + col, c.createArrayOf("text", values));
        }
    }

    /**
     * Runs {@code sql}, whose parameters are the arrays of one {@link #from}, with {@code rows} bound, and returns the
     * first column of the rows it returns (the ids its {@code returning} clause names).
     */
    static Set<Long> returnedIds(DSLContext ctx, String sql, int columns, List<Object[]> rows) {
        return ctx.connectionResult(c -> {
            Set<Long> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(c, ps, 1, columns, rows);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** The SQL type a column's values are cast to. */
    private static String sqlType(Field<?> column) {
        Class<?> type = column.getType();
        if (type == Long.class) {
            return "bigint";
        } else if (type == Integer.class) {
            return "int";
        } else if (type == String.class) {
            return "text";
        } else if (type == Boolean.class) {
            return "boolean";
        } else if (type == LocalDate.class) {
            return "date";
        } else if (type == Instant.class || type == OffsetDateTime.class) {
            return "timestamptz";
        } else if (type == JSONB.class) {
            return "jsonb";
        }
        throw new IllegalArgumentException("no array type for column " + column.getName() + " of " + type);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof JSONB j) {
            return j.data();
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Instant || value instanceof LocalDate || value instanceof OffsetDateTime) {
            return value.toString();
        }
        throw new IllegalArgumentException("no text form for " + value.getClass());
    }
}
