package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.SENDER;
import static io.crvs.jooq.generated.Tables.SENDER_ALGORITHM;
import static io.crvs.jooq.generated.Tables.SENDER_KEYS;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.port.out.SenderRegistry;
import io.crvs.jooq.generated.tables.records.SenderAlgorithmRecord;
import io.crvs.jooq.generated.tables.records.SenderKeysRecord;
import io.crvs.jooq.generated.tables.records.SenderRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Persistence adapter: {@link SenderRegistry} on the {@code sender}, {@code sender_algorithm} and
 * {@code sender_keys} tables. A sender's last good JWKS and the outcome of its last fetch live in
 * {@code sender_keys}; recording a fetch for a sender that is not (or no longer) registered does nothing.
 * Optionally keeps found senders for a short time (see {@link #JooqSenderRegistry(JooqTransactions, Duration)}).
 * Thread-safe.
 */
public final class JooqSenderRegistry implements SenderRegistry {

    /** Longest algorithm name stored ({@code sender_algorithm.algorithm}). */
    static final int MAX_ALGORITHM_LENGTH = 64;

    /** Most senders kept by the lookup cache; it starts over when full. */
    static final int MAX_CACHED = 10_000;

    private final JooqTransactions tx;
    private final long cacheNanos;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    /** Bumped by every write, so that a lookup racing with a write does not cache what it read before it. */
    private final AtomicLong writes = new AtomicLong();

    private record Cached(Sender sender, long until) {
    }

    /**
     * A registry without a lookup cache: every {@link #find} reads the database.
     *
     * @param transactions the unit-of-work provider whose connection this registry uses; not {@code null}
     */
    public JooqSenderRegistry(JooqTransactions transactions) {
        this(transactions, Duration.ZERO);
    }

    /**
     * A registry whose {@link #find} keeps a found sender for {@code cacheFor} (the receiver looks its sender up
     * on every request). Every write through this instance drops the sender's entry at once; a change made by
     * another process (another receiver on the same database) is seen after at most {@code cacheFor}. Unknown
     * senders are never cached.
     *
     * @param transactions the unit-of-work provider whose connection this registry uses; not {@code null}
     * @param cacheFor     how long a found sender is reused; zero for no cache
     */
    public JooqSenderRegistry(JooqTransactions transactions, Duration cacheFor) {
        this.tx = Objects.requireNonNull(transactions, "transactions");
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("the sender cache duration must not be negative");
        }
        this.cacheNanos = cacheFor.toNanos();
    }

    @Override
    public Optional<Sender> find(String senderId) {
        if (TextGuard.hasNul(senderId)) {
            return Optional.empty();
        }
        if (cacheNanos > 0) {
            Cached hit = cache.get(senderId);
            if (hit != null && System.nanoTime() - hit.until < 0) {
                return Optional.of(hit.sender);
            }
        }
        long writesBefore = writes.get();
        Condition id = SENDER.SENDER_ID.eq(senderId);
        Optional<Sender> found = tx.call(ctx -> load(ctx, id).stream().findFirst());
        if (cacheNanos > 0 && found.isPresent() && writes.get() == writesBefore) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(senderId, new Cached(found.get(), System.nanoTime() + cacheNanos));
        }
        return found;
    }

    /** Drops a sender's cached entry; called after each write (and before, for writes inside a longer unit). */
    private void forget(String senderId) {
        writes.incrementAndGet();
        cache.remove(senderId);
    }

    @Override
    public List<Sender> list() {
        return tx.call(ctx -> load(ctx, org.jooq.impl.DSL.noCondition()));
    }

    @Override
    public Sender save(Sender sender) {
        SenderRecord row = new SenderRecord(sender.senderId(), TextGuard.checked("sender name", sender.name()),
                TextGuard.checked("JWKS URL", sender.jwksUrl()), sender.profile().code(), sender.active(),
                TextGuard.checked("sender notes", sender.notes()));
        row.changed(true);
        List<String> algorithms = sender.allowedAlgorithms().stream().map(JooqSenderRegistry::algorithm).sorted()
                .toList();
        SenderKeysRecord keys = keysRow(sender);
        forget(sender.senderId());
        try {
            saveRows(row, algorithms, keys, sender);
        } finally {
            forget(sender.senderId());
        }
        return sender;
    }

    private void saveRows(SenderRecord row, List<String> algorithms, SenderKeysRecord keys, Sender sender) {
        tx.call(ctx -> {
            ctx.insertInto(SENDER).set(row).onConflict(SENDER.SENDER_ID).doUpdate().setAllToExcluded().execute();
            ctx.deleteFrom(SENDER_ALGORITHM).where(SENDER_ALGORITHM.SENDER_ID.eq(sender.senderId())).execute();
            if (!algorithms.isEmpty()) {
                var insert = ctx.insertInto(SENDER_ALGORITHM, SENDER_ALGORITHM.SENDER_ID, SENDER_ALGORITHM.ALGORITHM);
                for (String a : algorithms) {
                    insert = insert.values(sender.senderId(), a);
                }
                insert.execute();
            }
            ctx.deleteFrom(SENDER_KEYS).where(SENDER_KEYS.SENDER_ID.eq(sender.senderId())).execute();
            if (keys != null) {
                ctx.insertInto(SENDER_KEYS).set(keys).execute();
            }
            return null;
        });
    }

    @Override
    public boolean delete(String senderId) {
        if (TextGuard.hasNul(senderId)) {
            return false;
        }
        forget(senderId);
        try {
            return tx.call(ctx -> ctx.deleteFrom(SENDER).where(SENDER.SENDER_ID.eq(senderId)).execute() > 0);
        } finally {
            forget(senderId);
        }
    }

    @Override
    public void saveKeys(String senderId, SenderKeys keys) {
        SenderKeysRecord row = new SenderKeysRecord(senderId, TextGuard.checked("JWKS document", keys.jwksJson()),
                TextGuard.checked("JWKS URL", keys.sourceUrl()), DbTime.of(keys.fetchedAt()),
                DbTime.of(keys.fetchedAt()), null);
        row.changed(true);
        upsertKeys(senderId, row, true);
    }

    @Override
    public void recordFetchFailure(String senderId, Instant at, String error) {
        SenderKeysRecord row = new SenderKeysRecord();
        row.setSenderId(senderId);
        row.setLastAttemptAt(DbTime.of(Objects.requireNonNull(at, "at")));
        row.setLastError(TextGuard.checked("key fetch error", Objects.requireNonNull(error, "error")));
        upsertKeys(senderId, row, false);
    }

    /** Writes the keys row of a registered sender; {@code document} tells whether the JWKS columns change too. */
    private void upsertKeys(String senderId, SenderKeysRecord row, boolean document) {
        if (TextGuard.hasNul(senderId)) {
            return; // no such sender
        }
        forget(senderId);
        try {
            upsertKeysRow(senderId, row, document);
        } finally {
            forget(senderId);
        }
    }

    private void upsertKeysRow(String senderId, SenderKeysRecord row, boolean document) {
        tx.call(ctx -> {
            // Lock the sender so a concurrent delete cannot leave a keys row without its sender.
            boolean registered = ctx.selectOne().from(SENDER).where(SENDER.SENDER_ID.eq(senderId)).forKeyShare()
                    .fetchOptional().isPresent();
            if (!registered) {
                return null;
            }
            var update = ctx.insertInto(SENDER_KEYS).set(row).onConflict(SENDER_KEYS.SENDER_ID).doUpdate()
                    .set(SENDER_KEYS.LAST_ATTEMPT_AT, row.getLastAttemptAt())
                    .set(SENDER_KEYS.LAST_ERROR, row.getLastError());
            if (document) {
                update = update.set(SENDER_KEYS.JWKS_JSON, row.getJwksJson())
                        .set(SENDER_KEYS.SOURCE_URL, row.getSourceUrl())
                        .set(SENDER_KEYS.FETCHED_AT, row.getFetchedAt());
            }
            update.execute();
            return null;
        });
    }

    private static List<Sender> load(DSLContext ctx, Condition which) {
        List<SenderRecord> senders = ctx.selectFrom(SENDER).where(which).orderBy(SENDER.SENDER_ID).fetch();
        if (senders.isEmpty()) {
            return List.of();
        }
        List<String> ids = senders.stream().map(SenderRecord::getSenderId).toList();
        Map<String, Set<String>> algorithms = ctx.selectFrom(SENDER_ALGORITHM)
                .where(SENDER_ALGORITHM.SENDER_ID.in(ids)).fetch().stream()
                .collect(Collectors.groupingBy(SenderAlgorithmRecord::getSenderId,
                        Collectors.mapping(SenderAlgorithmRecord::getAlgorithm,
                                Collectors.toCollection(TreeSet::new))));
        Map<String, SenderKeysRecord> keys = ctx.selectFrom(SENDER_KEYS).where(SENDER_KEYS.SENDER_ID.in(ids))
                .fetchMap(SENDER_KEYS.SENDER_ID);
        return senders.stream().map(s -> sender(s, algorithms.getOrDefault(s.getSenderId(), Set.of()),
                keys.get(s.getSenderId()))).toList();
    }

    private static Sender sender(SenderRecord s, Set<String> algorithms, SenderKeysRecord k) {
        SenderKeys keys = k == null || k.getJwksJson() == null ? null
                : new SenderKeys(k.getJwksJson(), k.getSourceUrl(), k.getFetchedAt());
        return new Sender(s.getSenderId(), s.getName(), s.getJwksUrl(), SignatureProfile.parse(s.getProfile()),
                algorithms, s.getActive(), keys, k == null ? null : k.getLastAttemptAt(),
                k == null ? null : k.getLastError(), s.getNotes());
    }

    /** The keys row a saved sender carries, or {@code null} when it has neither keys nor a fetch attempt. */
    private static SenderKeysRecord keysRow(Sender s) {
        if (s.keys() == null && s.lastKeyFetch() == null && s.lastKeyFetchError() == null) {
            return null;
        }
        SenderKeysRecord r = new SenderKeysRecord();
        r.setSenderId(s.senderId());
        if (s.keys() != null) {
            r.setJwksJson(TextGuard.checked("JWKS document", s.keys().jwksJson()));
            r.setSourceUrl(TextGuard.checked("JWKS URL", s.keys().sourceUrl()));
            r.setFetchedAt(DbTime.of(s.keys().fetchedAt()));
        }
        r.setLastAttemptAt(DbTime.of(s.lastKeyFetch()));
        r.setLastError(TextGuard.checked("key fetch error", s.lastKeyFetchError()));
        return r;
    }

    private static String algorithm(String name) {
        TextGuard.checked("algorithm", name);
        if (name.isBlank() || name.length() > MAX_ALGORITHM_LENGTH) {
            throw new InvalidInputException("algorithm names must have 1 to " + MAX_ALGORITHM_LENGTH + " characters");
        }
        return name;
    }
}
