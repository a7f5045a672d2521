package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.CRVS_SUBSCRIPTION;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.Subscription;
import io.crvs.core.port.out.SubscriptionStore;
import io.crvs.jooq.generated.tables.records.CrvsSubscriptionRecord;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link SubscriptionStore} on the {@code crvs_subscription} table. A code is unique per CRVS
 * (a partial unique index); saving a second subscription with a code already taken is refused with
 * {@link InvalidInputException} under a savepoint, so a caller's unit of work stays usable. Thread-safe; joins the
 * caller's {@link JooqTransactions} unit of work.
 */
public final class JooqSubscriptionStore implements SubscriptionStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final JooqTransactions tx;

    /**
     * @param transactions the unit-of-work provider whose connection this store uses; not {@code null}
     */
    public JooqSubscriptionStore(JooqTransactions transactions) {
        this.tx = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Subscription save(Subscription subscription) {
        CrvsSubscriptionRecord row = SubscriptionRows.row(subscription);
        try {
            tx.atomically(ctx -> ctx.insertInto(CRVS_SUBSCRIPTION).set(row).onConflict(CRVS_SUBSCRIPTION.ID)
                    .doUpdate().setAllToExcluded().execute());
        } catch (DataAccessException e) {
            SQLException cause = e.getCause(SQLException.class);
            if (cause != null && UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                throw new InvalidInputException("subscription code already used by another subscription of "
                        + subscription.crvsId());
            }
            throw e;
        }
        return subscription;
    }

    @Override
    public Optional<Subscription> find(String id) {
        if (TextGuard.hasNul(id)) {
            return Optional.empty();
        }
        return first(CRVS_SUBSCRIPTION.ID.eq(id));
    }

    @Override
    public Optional<Subscription> findByCode(String crvsId, String code) {
        if (TextGuard.hasNul(crvsId) || TextGuard.hasNul(code)) {
            return Optional.empty();
        }
        return first(CRVS_SUBSCRIPTION.CRVS_ID.eq(crvsId).and(CRVS_SUBSCRIPTION.CODE.eq(code)));
    }

    @Override
    public List<Subscription> list(String crvsId) {
        if (TextGuard.hasNul(crvsId)) {
            return List.of();
        }
        Condition which = crvsId == null ? DSL.noCondition() : CRVS_SUBSCRIPTION.CRVS_ID.eq(crvsId);
        return tx.call(ctx -> ctx.selectFrom(CRVS_SUBSCRIPTION).where(which)
                .orderBy(CRVS_SUBSCRIPTION.CREATED_AT.desc(), CRVS_SUBSCRIPTION.ID).fetch(SubscriptionRows::subscription));
    }

    /**
     * The row, locked until the caller's unit of work ends: subscriptions are read, changed and written back
     * (the acknowledgement of a subscribe and the CRVS's on-subscribe callback may race), so a second reader waits
     * for the first writer instead of overwriting its change with a stale copy.
     */
    private Optional<Subscription> first(Condition which) {
        return tx.call(ctx -> ctx.selectFrom(CRVS_SUBSCRIPTION).where(which).forUpdate().fetchOptional()
                .map(SubscriptionRows::subscription));
    }
}
