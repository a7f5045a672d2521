package io.crvs.core.service;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.out.PartnerRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry as a batch of events sees it, read once up front: every person carrying an identifying (not
 * shared) identifier of any event of the batch. Lookups are answered from that read, updates are kept in memory
 * (and are visible to the events after them, as if each had been written at once) until {@link #updates()} are
 * written together.
 *
 * <p>Whatever cannot be answered exactly from the read (an identifier not read up front, a person not read, a new
 * person, an update from a stale version or one that takes an identifier another person holds or that was not
 * read) throws {@link Miss}: the batch is then processed event by event against the repository itself, which
 * gives the exact answer. Not thread-safe: one batch, one thread.
 */
final class BatchPartners implements PartnerRepository {

    /** The batch cannot be answered from what was read: process it event by event. */
    static final class Miss extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Miss(String what) {
            super(what, null, false, false);
        }
    }

    private static final Comparator<PersonId> BY_ID = Comparator.comparingLong(PersonId::value);

    /** Holders of each identifier read up front, by id (as the repository orders them). */
    private final Map<Identifier, List<PersonId>> holders;
    /** Each person read up front, as last updated. */
    private final Map<PersonId, RegistryPerson> persons;
    private final List<RegistryPerson> updates = new ArrayList<>();

    private BatchPartners(Map<Identifier, List<PersonId>> holders, Map<PersonId, RegistryPerson> persons) {
        this.holders = holders;
        this.persons = persons;
    }

    /** Reads, in one call, every person carrying an identifying identifier of any of the events. */
    static BatchPartners read(PartnerRepository repository, List<VitalEvent> events) {
        List<Identifier> identifying = events.stream().flatMap(e -> e.identifiers().stream())
                .filter(i -> !SHARED_IDENTIFIER_TYPES.contains(i.type())).distinct().toList();
        Map<Identifier, List<PersonId>> holders = new LinkedHashMap<>();
        Map<PersonId, RegistryPerson> persons = new LinkedHashMap<>();
        if (!identifying.isEmpty()) {
            Map<Identifier, List<RegistryPerson>> found = repository.findByIdentifiers(identifying);
            for (Identifier i : identifying) {
                List<PersonId> ids = new ArrayList<>();
                for (RegistryPerson p : found.getOrDefault(i, List.of())) {
                    ids.add(p.id());
                    persons.putIfAbsent(p.id(), p);
                }
                holders.put(i, ids);
            }
        }
        return new BatchPartners(holders, persons);
    }

    /** The updates made, in order, each as passed to {@link #update} (to write with {@code updateAll}). */
    List<RegistryPerson> updates() {
        return List.copyOf(updates);
    }

    @Override
    public List<RegistryPerson> findByIdentifier(Identifier identifier) {
        List<PersonId> ids = holders.get(identifier);
        if (ids == null) {
            throw new Miss("identifier not read up front");
        }
        return ids.stream().map(persons::get).toList();
    }

    @Override
    public Map<Identifier, List<RegistryPerson>> findByIdentifiers(List<Identifier> identifiers) {
        Map<Identifier, List<RegistryPerson>> found = new LinkedHashMap<>();
        for (Identifier i : identifiers) {
            found.put(i, findByIdentifier(i));
        }
        return found;
    }

    @Override
    public Optional<RegistryPerson> find(PersonId id) {
        RegistryPerson p = persons.get(id);
        if (p == null) {
            throw new Miss("person not read up front");
        }
        return Optional.of(p);
    }

    @Override
    public RegistryPerson add(RegistryPerson person) {
        throw new Miss("a new person");
    }

    @Override
    public RegistryPerson update(RegistryPerson person) {
        PersonId id = person.id();
        RegistryPerson current = id == null ? null : persons.get(id);
        if (current == null || current.version() != person.version()) {
            throw new Miss("a person not read up front, or a stale version");
        }
        Set<Identifier> before = new HashSet<>(current.identifiers());
        for (Identifier i : person.identifiers()) {
            if (before.contains(i) || SHARED_IDENTIFIER_TYPES.contains(i.type())) {
                continue;
            }
            List<PersonId> ids = holders.get(i);
            if (ids == null || ids.stream().anyMatch(other -> !other.equals(id))) {
                throw new Miss("an added identifier that was not read up front or that another person holds");
            }
        }
        RegistryPerson next = person.withIdAndVersion(id, person.version() + 1);
        Set<Identifier> after = new HashSet<>(next.identifiers());
        for (Identifier gone : before) {
            List<PersonId> ids = holders.get(gone);
            if (ids != null && !after.contains(gone)) {
                ids.remove(id);
            }
        }
        for (Identifier kept : after) {
            List<PersonId> ids = holders.get(kept);
            if (ids != null && !ids.contains(id)) {
                ids.add(id);
                ids.sort(BY_ID);
            }
        }
        persons.put(id, next);
        updates.add(person);
        return next;
    }
}
