package io.crvs.jooq;

import io.crvs.core.testing.TestEvents;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Test helper run in a child JVM by {@link EmbeddedDatabaseTest}: starts the embedded database in the directory
 * given, stores one message from the sender given, prints {@code READY} and waits to be killed.
 */
public final class OrphaningReceiver {

    private OrphaningReceiver() {
    }

    public static void main(String[] args) throws IOException {
        PostgresDatabase db = PostgresDatabase.start(DatabaseConfig.embedded(Path.of(args[0])));
        new JooqEventStore(new JooqTransactions(db.dataSource()))
                .store(TestEvents.message(args[1], "before-kill", Instant.parse("2026-05-01T10:00:00Z")), List.of());
        System.out.println("READY");
        System.out.flush();
        System.in.read();
    }
}
