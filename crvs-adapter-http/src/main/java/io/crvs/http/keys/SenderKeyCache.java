package io.crvs.http.keys;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.port.out.KeyFetchException;
import io.crvs.core.port.out.KeyFetcher;
import io.crvs.core.port.out.KeysUnavailableException;
import io.crvs.core.port.out.SenderRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key source of the signature verifiers: per sender, the parsed JWKS with a TTL and refresh-ahead, one
 * rate-limited refetch when a message names an unknown key, and outage tolerance (the last good keys keep working
 * for {@link KeySettings#maxStaleness()} after the last successful fetch).
 *
 * <p>Every successful fetch is saved through {@link SenderRegistry#saveKeys} and every failure through
 * {@link SenderRegistry#recordFetchFailure}, and a sender's stored document ({@link Sender#keys()}) is adopted
 * when it is newer than what the cache holds, so a restart verifies with the JWKS host down. Keys fetched from
 * another URL than the sender's current {@code jwksUrl} are not used.
 *
 * <p>Thread-safe. Fetches of one sender never overlap (a per-sender lock); while one runs, other threads get the
 * still-usable stale keys instead of waiting. Refresh-ahead runs on the given executor. The cache never runs
 * inside a database transaction: the registry calls are separate short writes.
 */
public final class SenderKeyCache implements VerificationKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(SenderKeyCache.class);

    private final RecordingKeyFetch fetch;
    private final KeySettings settings;
    private final InstantSource clock;
    private final Executor refreshExecutor;
    private final ConcurrentHashMap<String, SenderKeyState> states = new ConcurrentHashMap<>();

    /**
     * @param fetcher         fetches JWKS documents
     * @param registry        where fetched documents and failures are recorded
     * @param settings        TTL, cooldown, staleness
     * @param clock           the time source
     * @param refreshExecutor runs refresh-ahead fetches ({@code Runnable::run} runs them in the caller)
     */
    public SenderKeyCache(KeyFetcher fetcher, SenderRegistry registry, KeySettings settings, InstantSource clock,
                          Executor refreshExecutor) {
        this.fetch = new RecordingKeyFetch(fetcher, registry, clock);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshExecutor = Objects.requireNonNull(refreshExecutor, "refreshExecutor");
    }

    @Override
    public SenderKeySet keysFor(Sender sender) {
        SenderKeyState state = stateOf(sender);
        SenderKeySet cur = state.current;
        Instant now = clock.instant();
        if (cur != null && isFresh(cur, now)) {
            if (age(cur, now).compareTo(settings.ttl().minus(settings.refreshAhead())) >= 0) {
                scheduleRefresh(sender, state);
            }
            return cur;
        }
        if (!state.lock.tryLock()) {
            if (cur != null && withinStaleness(cur, now)) {
                return cur; // another thread is fetching; the stale keys serve meanwhile
            }
            state.lock.lock();
        }
        try {
            cur = state.current;
            if (cur == null || !isFresh(cur, clock.instant())) {
                if (mayAttempt(state, clock.instant())) {
                    fetchLocked(sender, state);
                }
            }
            return usableOrThrow(sender, state);
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public SenderKeySet refetchForUnknownKey(Sender sender) {
        SenderKeyState state = stateOf(sender);
        state.lock.lock();
        try {
            Instant now = clock.instant();
            Instant last = state.lastUnknownKeyFetchAt;
            boolean cooledDown = last == null || !now.isBefore(last.plus(settings.fetchCooldown()));
            if (cooledDown && mayAttempt(state, now)) {
                state.lastUnknownKeyFetchAt = now;
                fetchLocked(sender, state);
            } else {
                LOG.debug("Unknown key for sender {}: refetch skipped (cooldown)", sender.senderId());
            }
            return usableOrThrow(sender, state);
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * The operator's "Fetch Public Key": fetches the sender's JWKS now, whatever the cooldown, and records the
     * result like any fetch.
     *
     * @param sender the sender; must have a JWKS URL
     * @return the keys it publishes
     * @throws KeyFetchException when the host cannot be reached or the document has no usable key
     */
    public KeyFetchSummary fetchNow(Sender sender) {
        SenderKeyState state = stateOf(sender);
        state.lock.lock();
        try {
            SenderKeySet fetched = fetchLocked(sender, state);
            if (fetched == null) {
                throw new KeyFetchException("JWKS fetch for sender " + sender.senderId() + " failed: "
                        + state.lastFailure, null);
            }
            return KeyFetchSummary.of(sender.senderId(), fetched);
        } finally {
            state.lock.unlock();
        }
    }

    /** Forgets what is cached for a sender (deleted or reconfigured). */
    public void evict(String senderId) {
        states.remove(senderId);
    }

    private SenderKeyState stateOf(Sender sender) {
        Objects.requireNonNull(sender, "sender");
        if (sender.jwksUrl() == null) {
            throw new KeysUnavailableException("sender " + sender.senderId() + " has no JWKS URL", null);
        }
        SenderKeyState state = states.computeIfAbsent(sender.senderId(), id -> new SenderKeyState());
        SenderKeySet cur = state.current;
        if (cur != null && !cur.sourceUrl().equals(sender.jwksUrl())) {
            dropForNewUrl(sender, state);
        }
        adoptStored(sender, state);
        return state;
    }

    private void dropForNewUrl(Sender sender, SenderKeyState state) {
        state.lock.lock();
        try {
            SenderKeySet cur = state.current;
            if (cur != null && !cur.sourceUrl().equals(sender.jwksUrl())) {
                LOG.info("JWKS URL of sender {} changed: cached keys from {} dropped", sender.senderId(),
                        cur.sourceUrl());
                state.current = null;
                state.lastFailureAt = null;
                state.lastUnknownKeyFetchAt = null;
            }
        } finally {
            state.lock.unlock();
        }
    }

    /** Takes the sender's stored document when it is newer than the cached keys (restart, other instance). */
    private void adoptStored(Sender sender, SenderKeyState state) {
        SenderKeys stored = sender.keys();
        if (stored == null || !stored.sourceUrl().equals(sender.jwksUrl())
                || stored.fetchedAt().equals(state.rejectedStoredFetchedAt) || !isNewer(stored, state.current)) {
            return;
        }
        state.lock.lock();
        try {
            if (!isNewer(stored, state.current)) {
                return;
            }
            try {
                state.current = RecordingKeyFetch.read(stored);
            } catch (JwksFormatException e) {
                state.rejectedStoredFetchedAt = stored.fetchedAt();
                LOG.warn("Stored JWKS of sender {} (fetched {}) is unusable: {}", sender.senderId(),
                        stored.fetchedAt(), e.getMessage());
            }
        } finally {
            state.lock.unlock();
        }
    }

    private static boolean isNewer(SenderKeys stored, SenderKeySet cached) {
        return cached == null || stored.fetchedAt().isAfter(cached.fetchedAt());
    }

    private void scheduleRefresh(Sender sender, SenderKeyState state) {
        if (!mayAttempt(state, clock.instant()) || !state.refreshScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            refreshExecutor.execute(() -> refreshAhead(sender, state));
        } catch (RejectedExecutionException e) {
            state.refreshScheduled.set(false);
            LOG.debug("Refresh-ahead of sender {} not scheduled: {}", sender.senderId(), e.getMessage());
        }
    }

    private void refreshAhead(Sender sender, SenderKeyState state) {
        state.lock.lock();
        try {
            SenderKeySet cur = state.current;
            Instant now = clock.instant();
            boolean due = cur == null
                    || age(cur, now).compareTo(settings.ttl().minus(settings.refreshAhead())) >= 0;
            if (due && mayAttempt(state, now)) {
                fetchLocked(sender, state);
            }
        } finally {
            state.refreshScheduled.set(false);
            state.lock.unlock();
        }
    }

    /** Fetches and records; returns the new keys, or {@code null} when the fetch failed (already recorded). */
    private SenderKeySet fetchLocked(Sender sender, SenderKeyState state) {
        SenderKeySet set;
        try {
            set = fetch.fetch(sender);
        } catch (KeyFetchException e) {
            state.lastFailureAt = clock.instant();
            state.lastFailure = e.getMessage();
            SenderKeySet cur = state.current;
            LOG.warn("JWKS fetch for sender {} failed: {}{}", sender.senderId(), e.getMessage(),
                    cur == null ? "; no keys to fall back on" : "; keeping keys fetched at " + cur.fetchedAt());
            return null;
        }
        SenderKeySet previous = state.current;
        state.current = set;
        state.lastFailureAt = null;
        state.lastFailure = null;
        if (previous == null || !previous.document().equals(set.document())) {
            LOG.info("JWKS of sender {} loaded: {} usable key(s){}", sender.senderId(), set.keys().size(),
                    set.skipped().isEmpty() ? "" : ", skipped " + set.skipped());
        }
        return set;
    }

    private SenderKeySet usableOrThrow(Sender sender, SenderKeyState state) {
        SenderKeySet cur = state.current;
        Instant now = clock.instant();
        if (cur == null) {
            throw new KeysUnavailableException("no keys of sender " + sender.senderId()
                    + " could be fetched from " + sender.jwksUrl(), null);
        }
        if (!withinStaleness(cur, now)) {
            throw new KeysUnavailableException("keys of sender " + sender.senderId() + " are stale (fetched "
                    + cur.fetchedAt() + ", bound " + settings.maxStaleness() + ") and cannot be refreshed", null);
        }
        return cur;
    }

    private boolean mayAttempt(SenderKeyState state, Instant now) {
        Instant failed = state.lastFailureAt;
        return failed == null || !now.isBefore(failed.plus(settings.fetchCooldown()));
    }

    private boolean isFresh(SenderKeySet set, Instant now) {
        return age(set, now).compareTo(settings.ttl()) < 0;
    }

    private boolean withinStaleness(SenderKeySet set, Instant now) {
        return age(set, now).compareTo(settings.maxStaleness()) <= 0;
    }

    private static Duration age(SenderKeySet set, Instant now) {
        return Duration.between(set.fetchedAt(), now);
    }
}
