package io.crvs.core.testing;

import io.crvs.core.port.out.SubscriptionStore;

class InMemorySubscriptionStoreTest extends AbstractSubscriptionStoreContract {
    @Override
    protected SubscriptionStore createStore() {
        return new InMemorySubscriptionStore();
    }
}
