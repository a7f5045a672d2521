package io.crvs.jooq;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A query written with jOOQ's DSL, rendered to SQL once and then run many times with new bind values. jOOQ renders
 * a query on every execution; for the statements a processing round runs every few milliseconds that rendering
 * was a fifth of the workers' CPU. The query is built with placeholder values; {@link #fetch} binds its own values
 * in the order jOOQ rendered the placeholders (checked: same count, same Java types) and lets jOOQ map the rows to
 * the query's fields, converters included. Thread-safe (immutable).
 */
final class RenderedQuery {

    private final String sql;
    private final List<Class<?>> bindTypes;
    private final Field<?>[] fields;

    private RenderedQuery(String sql, List<Class<?>> bindTypes, Field<?>[] fields) {
        this.sql = sql;
        this.bindTypes = bindTypes;
        this.fields = fields;
    }

    /** Renders {@code query} (built with placeholder bind values, none of them {@code null}) for PostgreSQL. */
    static RenderedQuery of(ResultQuery<?> query) {
        DSLContext postgres = DSL.using(SQLDialect.POSTGRES);
        List<Class<?>> types = postgres.extractParams(query).values().stream().filter(p -> !p.isInline())
                .map(RenderedQuery::type).toList();
        return new RenderedQuery(postgres.render(query), types, query.fields());
    }

    private static Class<?> type(Param<?> p) {
        if (p.getValue() == null) {
            throw new IllegalArgumentException("placeholder " + p.getParamName() + " has no value to type it");
        }
        return p.getValue().getClass();
    }

    /** The SQL as rendered (for tests and diagnostics). */
    String sql() {
        return sql;
    }

    /**
     * Runs the query on {@code ctx}'s connection with {@code values} bound in place of the placeholders, in order.
     *
     * @throws IllegalArgumentException when the values do not match the placeholders in number or type
     */
    Result<Record> fetch(DSLContext ctx, Object... values) {
        if (values.length != bindTypes.size()) {
            throw new IllegalArgumentException("expected " + bindTypes.size() + " values " + bindTypes + ", got "
                    + values.length + " for " + sql);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].getClass() != bindTypes.get(i)) {
                throw new IllegalArgumentException("value " + (i + 1) + " must be a " + bindTypes.get(i).getName());
            }
        }
        return ctx.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    bind(c, ps, i + 1, values[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return ctx.fetch(rs, fields);
                }
            }
        });
    }

    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof Long[] longs) {
            ps.setArray(index, c.createArrayOf("bigint", longs));
        } else if (value instanceof String[] strings) {
            ps.setArray(index, c.createArrayOf("text", strings));
        } else if (value instanceof Integer || value instanceof Long || value instanceof String) {
            ps.setObject(index, value);
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }
}
