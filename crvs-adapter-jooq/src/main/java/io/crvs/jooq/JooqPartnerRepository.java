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
import java.util.ArrayList;
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
import org.jooq.Record2;

/**
 * Persistence adapter: {@link PartnerRepository} on the receiver's own {@code person} registry.
 *
 * <p>Updates are optimistic ({@code UPDATE … WHERE version = ?}); identifiers are replaced on every update.
 * Uniqueness is the database's: a partial unique index on {@code (type, value)} for every type but MRN. Identifiers
 * are inserted with {@code ON CONFLICT DO NOTHING}, and one that was not inserted belongs to someone else
 * ({@link IdentifierConflictException}); a refused add or update runs under a savepoint inside a caller's unit of
 * work, so it changes nothing and leaves that unit of work usable. Thread-safe.
 */
public final class JooqPartnerRepository implements PartnerRepository {

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
        Map<Long, PersonRecord> persons = new LinkedHashMap<>();
        Map<Long, List<Identifier>> identifiers = new HashMap<>();
        ctx.select(PERSON.fields()).select(PERSON_IDENTIFIER.TYPE, PERSON_IDENTIFIER.VALUE)
                .from(PERSON).leftJoin(PERSON_IDENTIFIER).on(PERSON_IDENTIFIER.PERSON_ID.eq(PERSON.ID))
                .where(which).orderBy(PERSON.ID, PERSON_IDENTIFIER.POSITION)
                .forEach(r -> {
                    PersonRecord person = r.into(PERSON);
                    persons.putIfAbsent(person.getId(), person);
                    List<Identifier> list = identifiers.computeIfAbsent(person.getId(), id -> new ArrayList<>());
                    if (r.get(PERSON_IDENTIFIER.TYPE) != null) {
                        list.add(identifier(r.get(PERSON_IDENTIFIER.TYPE), r.get(PERSON_IDENTIFIER.VALUE)));
                    }
                });
        return persons.values().stream().map(p -> PersonRows.person(p, identifiers.get(p.getId()))).toList();
    }

    private static Identifier identifier(String type, String value) {
        return new Identifier(IdentifierType.of(type), value);
    }
}
