package io.crvs.jooq;

import io.crvs.core.port.out.EventStore;
import io.crvs.core.testing.AbstractEventStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The core's event-store contract against {@link JooqEventStore} on PostgreSQL. */
class JooqEventStoreTest extends AbstractEventStoreContract {

    private static PostgresDatabase db;
    private static JooqEventStore events;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        events = new JooqEventStore(new JooqTransactions(db.dataSource()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected EventStore createStore() {
        return events;
    }
}
