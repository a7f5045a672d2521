package io.crvs.core.testing;

import io.crvs.core.port.out.EventStore;

/** The contract against the in-memory store that locks due events (the fast path of processing). */
class InMemoryEventStoreTest extends AbstractEventStoreContract {
    @Override
    protected EventStore createStore() {
        return InMemoryEventStore.withLocking();
    }
}
