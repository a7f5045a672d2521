package io.crvs.core.testing;

import io.crvs.core.port.out.EventStore;

class InMemoryEventStoreTest extends AbstractEventStoreContract {
    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
