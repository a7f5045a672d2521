package io.crvs.core.port.out;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.RegistryPerson;
import java.util.List;
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
