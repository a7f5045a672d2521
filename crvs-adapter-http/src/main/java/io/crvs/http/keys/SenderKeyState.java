package io.crvs.http.keys;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cache's mutable bookkeeping for one sender. Fields are written only while {@link #lock} is held (a fetch
 * runs under it, so fetches of one sender never overlap) and are volatile so that the fast path reads them
 * without locking.
 */
final class SenderKeyState {

    final ReentrantLock lock = new ReentrantLock();
    final AtomicBoolean refreshScheduled = new AtomicBoolean();

    /** The last good keys, or {@code null}. */
    volatile SenderKeySet current;
    /** When the last failed fetch attempt ended, or {@code null} after a success. */
    volatile Instant lastFailureAt;
    /** Why the last fetch failed, or {@code null} after a success. */
    volatile String lastFailure;
    /** When the last unknown-kid refetch started, or {@code null}. */
    volatile Instant lastUnknownKeyFetchAt;
    /** The fetch time of a stored document that could not be read, so it is not parsed again and again. */
    volatile Instant rejectedStoredFetchedAt;
}
