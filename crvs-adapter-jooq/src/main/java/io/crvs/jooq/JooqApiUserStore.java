package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.API_USER;

import io.crvs.core.domain.ApiUser;
import io.crvs.core.domain.Role;
import io.crvs.core.port.out.ApiUserStore;
import io.crvs.jooq.generated.tables.records.ApiUserRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Persistence adapter: {@link ApiUserStore} on the {@code api_user} table (token hashes only). Thread-safe. */
public final class JooqApiUserStore implements ApiUserStore {

    private final JooqTransactions tx;

    public JooqApiUserStore(JooqTransactions transactions) {
        this.tx = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public ApiUser save(ApiUser user) {
        ApiUserRecord row = new ApiUserRecord(user.name(), user.role().code(), user.tokenHash(),
                user.createdAt(), user.active());
        row.changed(true);
        tx.call(ctx -> ctx.insertInto(API_USER).set(row).onConflict(API_USER.NAME).doUpdate().setAllToExcluded()
                .execute());
        return user;
    }

    @Override
    public Optional<ApiUser> findByTokenHash(String tokenHash) {
        if (TextGuard.hasNul(tokenHash)) {
            return Optional.empty();
        }
        return tx.call(ctx -> ctx.selectFrom(API_USER).where(API_USER.TOKEN_HASH.eq(tokenHash)).fetchOptional()
                .map(JooqApiUserStore::toUser));
    }

    @Override
    public List<ApiUser> list() {
        return tx.call(ctx -> ctx.selectFrom(API_USER).orderBy(API_USER.NAME).fetch(JooqApiUserStore::toUser));
    }

    private static ApiUser toUser(ApiUserRecord r) {
        return new ApiUser(r.getName(), Role.parse(r.getRole()), r.getTokenHash(), r.getCreatedAt(),
                r.getActive());
    }
}
