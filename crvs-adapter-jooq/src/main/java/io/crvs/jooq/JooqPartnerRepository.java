package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.PERSON;
import static io.crvs.jooq.generated.Tables.PERSON_IDENTIFIER;
import static org.jooq.impl.DSL.select;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.port.out.IdentifierConflictException;
import io.crvs.core.port.out.PartnerRepository;
import io.crvs.core.port.out.StaleVersionException;
import io.crvs.jooq.generated.tables.records.PersonRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectSeekStep2;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link PartnerRepository} on the receiver's own {@code person} registry.
 *
 * <p>Updates are optimistic ({@code UPDATE … WHERE version = ?}); {@link #update} replaces a person's identifiers,
 * {@link #updateAll} writes only what changed.
 * Uniqueness is the database's: a partial unique index on {@code (type, value)} for every type but MRN. Identifiers
 * are inserted with {@code ON CONFLICT DO NOTHING}, and one that was not inserted belongs to someone else
 * ({@link IdentifierConflictException}); a refused add or update runs under a savepoint inside a caller's unit of
 * work, so it changes nothing and leaves that unit of work usable. Thread-safe.
 */
public final class JooqPartnerRepository implements PartnerRepository {

    /**
     * The persons carrying any of the identifiers, bound as two arrays (types, values) whatever their number; read
     * as {@link #withIdentifiers} reads them.
     */
    private static final RenderedQuery CARRYING_ANY = RenderedQuery.of(withIdentifiers(DSL.using(SQLDialect.POSTGRES),
            PERSON.ID.in(select(PERSON_IDENTIFIER.PERSON_ID).from(PERSON_IDENTIFIER).where(DSL.condition(
                    "({0}, {1}) in (select t, v from unnest({2}, {3}) as u (t, v))", PERSON_IDENTIFIER.TYPE,
                    PERSON_IDENTIFIER.VALUE, DSL.val(new String[] {"type"}), DSL.val(new String[] {"value"}))))));
    /** The identifier rows of the persons whose ids are bound as one array, by person and position. */
    private static final RenderedQuery IDENTIFIERS_OF = RenderedQuery.of(DSL.select(PERSON_IDENTIFIER.PERSON_ID,
                    PERSON_IDENTIFIER.TYPE, PERSON_IDENTIFIER.VALUE).from(PERSON_IDENTIFIER)
            .where(PERSON_IDENTIFIER.PERSON_ID.eq(DSL.any(new Long[] {0L})))
            .orderBy(PERSON_IDENTIFIER.PERSON_ID, PERSON_IDENTIFIER.POSITION));

    private final JooqTransactions tx;

    /**
     * @param transactions the unit-of-work provider whose connection this repository uses; not {@code null}
     */
    public JooqPartnerRepository(JooqTransactions transactions) {
        this.tx = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public List<RegistryPerson> findByIdentifier(Identifier identifier) {
        String value = identifier.value();
        if (TextGuard.hasNul(value)) {
            return List.of();
        }
        Condition carriesIt = PERSON.ID.in(select(PERSON_IDENTIFIER.PERSON_ID).from(PERSON_IDENTIFIER)
                .where(PERSON_IDENTIFIER.TYPE.eq(identifier.type().code()), PERSON_IDENTIFIER.VALUE.eq(value)));
        return tx.call(ctx -> load(ctx, carriesIt));
    }

    /** One query for all the identifiers; for each, the persons carrying it, by id, as {@link #findByIdentifier}. */
    @Override
    public Map<Identifier, List<RegistryPerson>> findByIdentifiers(List<Identifier> identifiers) {
        List<Identifier> searchable = identifiers.stream().filter(i -> !TextGuard.hasNul(i.value())).distinct()
                .toList();
        Map<Identifier, List<RegistryPerson>> found = new LinkedHashMap<>();
        if (!searchable.isEmpty()) {
            Object types = searchable.stream().map(i -> i.type().code()).toArray(String[]::new);
            Object values = searchable.stream().map(Identifier::value).toArray(String[]::new);
            List<RegistryPerson> persons = tx.call(ctx -> persons(CARRYING_ANY.fetch(ctx, types, values)));
            for (Identifier i : searchable) {
                found.put(i, persons.stream().filter(p -> p.identifiers().contains(i)).toList());
            }
        }
        for (Identifier i : identifiers) {
            found.putIfAbsent(i, List.of());
        }
        return found;
    }

    @Override
    public Optional<RegistryPerson> find(PersonId id) {
        Objects.requireNonNull(id, "id");
        return tx.call(ctx -> load(ctx, PERSON.ID.eq(id.value())).stream().findFirst());
    }

    @Override
    public RegistryPerson add(RegistryPerson person) {
        PersonRecord row = PersonRows.row(person, 1);
        return tx.atomically(ctx -> {
            long id = ctx.insertInto(PERSON).set(row).returningResult(PERSON.ID).fetchSingle().value1();
            insertIdentifiers(ctx, id, person.identifiers());
            return person.withIdAndVersion(new PersonId(id), 1);
        });
    }

    @Override
    public RegistryPerson update(RegistryPerson person) {
        PersonId id = Objects.requireNonNull(person.id(), "person id");
        long next = person.version() + 1;
        PersonRecord row = PersonRows.row(person, next);
        return tx.atomically(ctx -> {
            int updated = ctx.update(PERSON).set(row)
                    .where(PERSON.ID.eq(id.value()).and(PERSON.VERSION.eq(person.version()))).execute();
            if (updated == 0) {
                throw new StaleVersionException(id, person.version());
            }
            ctx.deleteFrom(PERSON_IDENTIFIER).where(PERSON_IDENTIFIER.PERSON_ID.eq(id.value())).execute();
            insertIdentifiers(ctx, id.value(), person.identifiers());
            return person.withIdAndVersion(id, next);
        });
    }

    /**
     * Writes the updates together when each person appears once, under one savepoint like {@link #update}: one
     * update of the person rows bound as arrays (a row no longer at the expected version is stale), then the
     * identifier changes ({@link #writeIdentifierChanges}). A list that updates a person more than once is updated
     * in turn.
     */
    @Override
    public List<RegistryPerson> updateAll(List<RegistryPerson> persons) {
        if (persons.size() < 2 || persons.stream().map(p -> Objects.requireNonNull(p.id(), "person id")).distinct()
                .count() < persons.size()) {
            return PartnerRepository.super.updateAll(persons);
        }
        List<PersonRecord> rows = persons.stream().map(p -> PersonRows.row(p, p.version() + 1)).toList();
        List<Field<?>> columns = Arrays.stream(PERSON.fields()).filter(f -> rows.get(0).changed(f)).toList();
        List<Field<?>> bound = new ArrayList<>(List.of(PERSON.ID, PERSON.VERSION));
        bound.addAll(columns);
        List<String> names = new ArrayList<>(List.of("id", "expected_version"));
        columns.forEach(f -> names.add(f.getName()));
        StringBuilder sql = new StringBuilder("update person p set ");
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).getName();
            sql.append(i == 0 ? "" : ", ").append(name).append(" = v.").append(name);
        }
        sql.append(" from ").append(Unnest.from(bound, names, "v"))
                .append(" where p.id = v.id and p.version = v.expected_version returning p.id");
        List<Object[]> values = new ArrayList<>(persons.size());
        for (int i = 0; i < persons.size(); i++) {
            List<Object> row = new ArrayList<>(bound.size());
            row.add(persons.get(i).id().value());
            row.add(persons.get(i).version());
            for (Field<?> f : columns) {
                row.add(rows.get(i).get(f));
            }
            values.add(row.toArray());
        }
        return tx.atomically(ctx -> {
            Set<Long> updated = Unnest.returnedIds(ctx, sql.toString(), bound.size(), values);
            for (RegistryPerson p : persons) {
                if (!updated.contains(p.id().value())) {
                    throw new StaleVersionException(p.id(), p.version());
                }
            }
            writeIdentifierChanges(ctx, persons);
            return persons.stream().map(p -> p.withIdAndVersion(p.id(), p.version() + 1)).toList();
        });
    }

    private static final List<Field<?>> IDENTIFIER_COLUMNS = List.of(PERSON_IDENTIFIER.PERSON_ID,
            PERSON_IDENTIFIER.POSITION, PERSON_IDENTIFIER.TYPE, PERSON_IDENTIFIER.VALUE);
    private static final String INSERT_IDENTIFIERS;

    static {
        List<String> names = IDENTIFIER_COLUMNS.stream().map(Field::getName).toList();
        INSERT_IDENTIFIERS = "insert into person_identifier (" + String.join(", ", names) + ") select "
                + String.join(", ", names) + " from " + Unnest.from(IDENTIFIER_COLUMNS, names, "v")
                + " order by ord on conflict do nothing returning person_id, type, value";
    }

    /** One identifier row to insert. */
    private record IdentifierRow(long personId, int position, Identifier identifier) {
    }

    /**
     * Brings the identifier rows of the persons to their lists with as few writes as it can: a person whose list is
     * unchanged is left alone, one whose stored list begins its new one (identifiers added: what events do) gets only
     * the new rows, any other has its rows replaced. One read, at most one delete and one insert for all of them.
     * Throws {@link IdentifierConflictException} on an identifier another person holds.
     */
    private static void writeIdentifierChanges(DSLContext ctx, List<RegistryPerson> persons) {
        List<Long> ids = persons.stream().map(p -> p.id().value()).toList();
        Map<Long, List<Identifier>> stored = new HashMap<>();
        for (Record r : IDENTIFIERS_OF.fetch(ctx, (Object) ids.toArray(Long[]::new))) {
            stored.computeIfAbsent(r.get(PERSON_IDENTIFIER.PERSON_ID), k -> new ArrayList<>())
                    .add(identifier(r.get(PERSON_IDENTIFIER.TYPE), r.get(PERSON_IDENTIFIER.VALUE)));
        }
        List<Long> replaced = new ArrayList<>();
        List<IdentifierRow> rows = new ArrayList<>();
        for (RegistryPerson p : persons) {
            List<Identifier> before = stored.getOrDefault(p.id().value(), List.of());
            List<Identifier> after = p.identifiers();
            if (before.equals(after)) {
                continue;
            }
            int from = 0;
            if (after.size() > before.size() && after.subList(0, before.size()).equals(before)) {
                from = before.size();
            } else if (!before.isEmpty()) {
                replaced.add(p.id().value());
            }
            for (int i = from; i < after.size(); i++) {
                rows.add(new IdentifierRow(p.id().value(), i, after.get(i)));
            }
        }
        if (!replaced.isEmpty()) {
            ctx.deleteFrom(PERSON_IDENTIFIER).where(PERSON_IDENTIFIER.PERSON_ID.in(replaced)).execute();
        }
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = rows.stream().map(r -> new Object[] {r.personId(), r.position(),
                r.identifier().type().code(), r.identifier().value()}).toList();
        Set<String> inserted = ctx.connectionResult(c -> {
            Set<String> keys = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(INSERT_IDENTIFIERS)) {
                Unnest.bind(c, ps, 1, IDENTIFIER_COLUMNS.size(), values);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        keys.add(r.getLong(1) + "\u0000" + r.getString(2) + "\u0000" + r.getString(3));
                    }
                }
            }
            return keys;
        });
        for (IdentifierRow row : rows) {
            Identifier i = row.identifier();
            if (!inserted.contains(row.personId() + "\u0000" + i.type().code() + "\u0000" + i.value())) {
                throw new IdentifierConflictException(i);
            }
        }
    }

    @Override
    public List<RegistryPerson> findWithIdentifierType(IdentifierType type, PersonId after, int limit) {
        Objects.requireNonNull(type, "type");
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        Condition carriesType = PERSON.ID.in(select(PERSON_IDENTIFIER.PERSON_ID).from(PERSON_IDENTIFIER)
                .where(PERSON_IDENTIFIER.TYPE.eq(type.code())));
        Condition page = after == null ? carriesType : carriesType.and(PERSON.ID.gt(after.value()));
        return tx.call(ctx -> {
            List<Long> ids = ctx.select(PERSON.ID).from(PERSON).where(page).orderBy(PERSON.ID).limit(limit)
                    .fetch(PERSON.ID);
            return ids.isEmpty() ? List.<RegistryPerson>of() : load(ctx, PERSON.ID.in(ids));
        });
    }

    /** Inserts the identifiers in order; throws on the first one another person already holds. */
    private static void insertIdentifiers(DSLContext ctx, long personId, List<Identifier> identifiers) {
        if (identifiers.isEmpty()) {
            return;
        }
        var insert = ctx.insertInto(PERSON_IDENTIFIER, PERSON_IDENTIFIER.PERSON_ID, PERSON_IDENTIFIER.POSITION,
                PERSON_IDENTIFIER.TYPE, PERSON_IDENTIFIER.VALUE);
        for (int p = 0; p < identifiers.size(); p++) {
            insert = insert.values(personId, p, identifiers.get(p).type().code(), identifiers.get(p).value());
        }
        Set<Identifier> inserted = new HashSet<>();
        for (Record2<String, String> r : insert.onConflictDoNothing()
                .returningResult(PERSON_IDENTIFIER.TYPE, PERSON_IDENTIFIER.VALUE).fetch()) {
            inserted.add(identifier(r.value1(), r.value2()));
        }
        for (Identifier i : identifiers) {
            if (!inserted.contains(i)) {
                throw new IdentifierConflictException(i);
            }
        }
    }

    /** The persons meeting {@code which}, by id, each with its identifiers in order: one query. */
    private static List<RegistryPerson> load(DSLContext ctx, Condition which) {
        return persons(withIdentifiers(ctx, which));
    }

    /** The persons the condition selects, one row per identifier (or one without), by id and position. */
    private static SelectSeekStep2<Record, Long, Integer> withIdentifiers(DSLContext ctx, Condition which) {
        return ctx.select(PERSON.fields()).select(PERSON_IDENTIFIER.TYPE, PERSON_IDENTIFIER.VALUE)
                .from(PERSON).leftJoin(PERSON_IDENTIFIER).on(PERSON_IDENTIFIER.PERSON_ID.eq(PERSON.ID))
                .where(which).orderBy(PERSON.ID, PERSON_IDENTIFIER.POSITION);
    }

    /** The persons read by {@link #withIdentifiers}, each with its identifiers in order. */
    private static List<RegistryPerson> persons(Iterable<? extends Record> rows) {
        Map<Long, PersonRecord> persons = new LinkedHashMap<>();
        Map<Long, List<Identifier>> identifiers = new HashMap<>();
        for (Record r : rows) {
            PersonRecord person = r.into(PERSON);
            persons.putIfAbsent(person.getId(), person);
            List<Identifier> list = identifiers.computeIfAbsent(person.getId(), id -> new ArrayList<>());
            if (r.get(PERSON_IDENTIFIER.TYPE) != null) {
                list.add(identifier(r.get(PERSON_IDENTIFIER.TYPE), r.get(PERSON_IDENTIFIER.VALUE)));
            }
        }
        return persons.values().stream().map(p -> PersonRows.person(p, identifiers.get(p.getId()))).toList();
    }

    private static Identifier identifier(String type, String value) {
        return new Identifier(IdentifierType.of(type), value);
    }
}
