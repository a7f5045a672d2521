package io.crvs.core.port.out;

import io.crvs.core.domain.ApiUser;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: the admin API's users and the hashes of their tokens. No parameter may be {@code null};
 * implementations are thread-safe.
 */
public interface ApiUserStore {

    /**
     * Adds a user, or replaces the user of the same name (a new token or role).
     *
     * @return the stored user
     */
    ApiUser save(ApiUser user);

    /** The user whose token has this hash, if any (active or not). */
    Optional<ApiUser> findByTokenHash(String tokenHash);

    /** Every user, ordered by name. */
    List<ApiUser> list();
}
