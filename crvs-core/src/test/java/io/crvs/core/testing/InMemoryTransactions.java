package io.crvs.core.testing;

import io.crvs.core.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * In-memory {@link Transactions}: serialises units of work and rolls back every registered participant's state
 * when the work throws. Nested calls join the outer unit of work.
 */
public final class InMemoryTransactions implements Transactions {

    /** State that can be snapshotted before a unit of work and restored on rollback. */
    public interface Participant {
        Runnable snapshot();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Participant> participants;

    public InMemoryTransactions(Participant... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            List<Runnable> restores = new ArrayList<>();
            for (Participant p : participants) {
                restores.add(p.snapshot());
            }
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                restores.forEach(Runnable::run);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }
}
