package io.crvs.core.testing;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.port.out.IdentifierConflictException;
import io.crvs.core.port.out.PartnerRepository;
import io.crvs.core.port.out.StaleVersionException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link PartnerRepository}. Thread-safe. Counts updates so tests can assert "applied once". */
public final class InMemoryPartnerRepository implements PartnerRepository, InMemoryTransactions.Participant {

    private Map<PersonId, RegistryPerson> persons = new LinkedHashMap<>();
    private long nextId = 1;
    private long updates;

    @Override
    public synchronized Runnable snapshot() {
        Map<PersonId, RegistryPerson> p = new LinkedHashMap<>(persons);
        long n = nextId;
        long u = updates;
        return () -> {
            synchronized (this) {
                persons = p;
                nextId = n;
                updates = u;
            }
        };
    }

    @Override
    public synchronized List<RegistryPerson> findByIdentifier(Identifier identifier) {
        return persons.values().stream().filter(p -> p.hasIdentifier(identifier))
                .sorted(Comparator.comparingLong(p -> p.id().value())).toList();
    }

    @Override
    public synchronized Optional<RegistryPerson> find(PersonId id) {
        return Optional.ofNullable(persons.get(id));
    }

    @Override
    public synchronized RegistryPerson add(RegistryPerson person) {
        PersonId id = new PersonId(nextId);
        checkUnique(person, id);
        nextId++;
        RegistryPerson stored = person.withIdAndVersion(id, 1);
        persons.put(id, stored);
        return stored;
    }

    @Override
    public synchronized RegistryPerson update(RegistryPerson person) {
        RegistryPerson current = persons.get(person.id());
        if (current == null || current.version() != person.version()) {
            throw new StaleVersionException(person.id(), person.version());
        }
        checkUnique(person, person.id());
        RegistryPerson stored = person.withIdAndVersion(person.id(), person.version() + 1);
        persons.put(person.id(), stored);
        updates++;
        return stored;
    }

    @Override
    public synchronized List<RegistryPerson> findWithIdentifierType(IdentifierType type, PersonId after, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return persons.values().stream()
                .filter(p -> after == null || p.id().value() > after.value())
                .filter(p -> p.identifiers().stream().anyMatch(i -> i.type().equals(type)))
                .sorted(Comparator.comparingLong(p -> p.id().value())).limit(limit).toList();
    }

    /** How many successful {@link #update} calls were made. */
    public synchronized long updateCount() {
        return updates;
    }

    private void checkUnique(RegistryPerson person, PersonId self) {
        for (Identifier i : person.identifiers()) {
            if (SHARED_IDENTIFIER_TYPES.contains(i.type())) {
                continue;
            }
            for (RegistryPerson other : persons.values()) {
                if (!other.id().equals(self) && other.hasIdentifier(i)) {
                    throw new IdentifierConflictException(i);
                }
            }
        }
    }
}
