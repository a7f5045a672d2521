package io.crvs.core.testing;

import io.crvs.core.domain.ApiUser;
import io.crvs.core.port.out.ApiUserStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** In-memory {@link ApiUserStore}. Thread-safe. */
public final class InMemoryApiUserStore implements ApiUserStore {
    private final ConcurrentSkipListMap<String, ApiUser> users = new ConcurrentSkipListMap<>();

    @Override
    public ApiUser save(ApiUser user) {
        users.put(user.name(), user);
        return user;
    }

    @Override
    public Optional<ApiUser> findByTokenHash(String tokenHash) {
        return users.values().stream().filter(u -> u.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public List<ApiUser> list() {
        return List.copyOf(users.values());
    }
}
