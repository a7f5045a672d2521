package io.crvs.core.port.out;

import java.util.function.Supplier;

/**
 * Outgoing port: one unit of work across repositories. Everything the work does through {@link EventStore},
 * {@link PartnerRepository} and {@link SenderRegistry} commits together or not at all; an exception thrown by the
 * work rolls it back and propagates unchanged. Never make a network call inside a unit of work.
 */
public interface Transactions {

    /** Runs {@code work} in one unit of work and returns its result. */
    <T> T inTransaction(Supplier<T> work);

    /** Runs {@code work} in one unit of work. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
