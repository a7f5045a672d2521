package io.crvs.app;

import io.crvs.app.config.CrvsConfig;
import io.crvs.core.spi.HandlerRegistry;
import io.crvs.jooq.JooqApiUserStore;
import io.crvs.jooq.JooqEventStore;
import io.crvs.jooq.JooqPartnerRepository;
import io.crvs.jooq.JooqSenderRegistry;
import io.crvs.jooq.JooqTransactions;
import io.crvs.jooq.PostgresDatabase;
import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence side of the application: the database and the core ports on it, plus the handlers found on
 * the class path. Used by the server and by the CLI's offline commands.
 */
public record Components(PostgresDatabase database, JooqTransactions transactions, JooqEventStore events,
                         JooqPartnerRepository partners, JooqSenderRegistry senders, JooqApiUserStore users,
                         HandlerRegistry handlers, InstantSource clock) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Components.class);
    /**
     * How long a looked-up sender is reused (every DCI request looks up its sender). Changes made through this
     * process are seen at once; another receiver on the same database sees them within this time.
     */
    static final Duration SENDER_CACHE = Duration.ofSeconds(1);

    /** Starts or connects to the database (migrating it) and builds the ports. */
    public static Components open(CrvsConfig config, InstantSource clock) {
        HandlerRegistry handlers = HandlerRegistry.load(Components.class.getClassLoader());
        PostgresDatabase db = PostgresDatabase.start(CrvsApplication.databaseConfig(config));
        JooqTransactions tx = new JooqTransactions(db.dataSource());
        LOG.info("vital-event handlers: {}", handlers.describe());
        return new Components(db, tx, new JooqEventStore(tx), new JooqPartnerRepository(tx),
                new JooqSenderRegistry(tx, SENDER_CACHE), new JooqApiUserStore(tx), handlers, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
