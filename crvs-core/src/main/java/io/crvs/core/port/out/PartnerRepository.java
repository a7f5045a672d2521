package io.crvs.core.port.out;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.RegistryPerson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Outgoing port to the social-protection registry's persons ("partners" in the seed system).
 *
 * <p>Identifiers of every type but {@link #SHARED_IDENTIFIER_TYPES} (MRN: both spouses carry the marriage's
 * number) are unique across persons. Updates use optimistic versioning: {@link #update} succeeds only from the
 * current version and returns the person at the next version. Embedders implement this port over their own
 * registry. No parameter may be {@code null}; implementations are thread-safe and join the caller's
 * {@link Transactions unit of work}.
 */
public interface PartnerRepository {

    /** Identifier types that several persons may share. */
    Set<IdentifierType> SHARED_IDENTIFIER_TYPES = Set.of(IdentifierType.MRN);

    /** Every person carrying that identifier: none, one, or (for shared types or dirty data) several. */
    List<RegistryPerson> findByIdentifier(Identifier identifier);

    /**
     * {@link #findByIdentifier} for several identifiers at once: for each identifier, in order, what
     * {@link #findByIdentifier} returns for it. Implementations may answer in one query; by default each identifier
     * is looked up in turn.
     */
    default Map<Identifier, List<RegistryPerson>> findByIdentifiers(List<Identifier> identifiers) {
        Map<Identifier, List<RegistryPerson>> found = new LinkedHashMap<>();
        for (Identifier identifier : identifiers) {
            if (!found.containsKey(identifier)) {
                found.put(identifier, findByIdentifier(identifier));
            }
        }
        return found;
    }

    /** The person with that id, if any. */
    Optional<RegistryPerson> find(PersonId id);

    /**
     * Stores a new person (its id and version are ignored).
     *
     * @return the person with its id, at version 1
     * @throws IdentifierConflictException when a unique identifier already belongs to someone
     */
    RegistryPerson add(RegistryPerson person);

    /**
     * Replaces a stored person's data, identifiers included.
     *
     * @return the person at version {@code person.version() + 1}
     * @throws StaleVersionException       when the stored version differs from {@code person.version()}
     * @throws IdentifierConflictException when an added unique identifier belongs to someone else
     */
    RegistryPerson update(RegistryPerson person);

    /**
     * {@link #update} for several persons in one step, in order: the same result as updating each in turn
     * (a person may appear more than once, each time at the version the previous update returned). The first
     * refusal (stale version, identifier conflict) is thrown, and the caller's unit of work must then be rolled
     * back: updates before it may have been made. By default each is updated in turn; implementations may write
     * them together.
     *
     * @return each update's result, in order
     */
    default List<RegistryPerson> updateAll(List<RegistryPerson> persons) {
        List<RegistryPerson> updated = new ArrayList<>(persons.size());
        for (RegistryPerson p : persons) {
            updated.add(update(p));
        }
        return updated;
    }

    /**
     * Persons carrying at least one identifier of {@code type}, in ascending id order, for walking the whole
     * registry in batches (keyset paging: pass the last id of one batch to get the next).
     *
     * <p>The default refuses: a registry that embeds the core implements it to let reconciliation run.
     *
     * @param type  the identifier type ({@code UIN})
     * @param after only persons with an id greater than this one, or {@code null} to start at the beginning
     * @param limit at most this many, 1 to 1000
     * @return the persons, possibly fewer than {@code limit}; empty at the end
     * @throws UnsupportedOperationException when the repository cannot list persons
     */
    default List<RegistryPerson> findWithIdentifierType(IdentifierType type, PersonId after, int limit) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot list persons by identifier type");
    }
}
