package io.crvs.bench.jmh;

import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.jooq.DatabaseConfig;
import io.crvs.jooq.JooqEventStore;
import io.crvs.jooq.JooqPartnerRepository;
import io.crvs.jooq.JooqTransactions;
import io.crvs.jooq.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh embedded PostgreSQL (durable: fsync and synchronous commit on, as the product runs it) in a temporary
 * directory, with the product's jOOQ adapters on it; deleted on {@link #close()}.
 */
final class BenchDatabase implements AutoCloseable {

    final Path dir;
    final PostgresDatabase db;
    final JooqTransactions transactions;
    final JooqEventStore events;
    final JooqPartnerRepository partners;

    BenchDatabase(int poolSize) {
        try {
            dir = Files.createTempDirectory("crvs-jmh-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = PostgresDatabase.start(DatabaseConfig.embedded(dir.resolve("postgres")).withMaxPoolSize(poolSize));
        transactions = new JooqTransactions(db.dataSource());
        events = new JooqEventStore(transactions);
        partners = new JooqPartnerRepository(transactions);
    }

    /** A received message as the HTTP adapter builds it. */
    static ReceivedMessage message(String senderId, String messageId, byte[] body) {
        return new ReceivedMessage(senderId, messageId, "notify", "txn-" + messageId, UUID.randomUUID().toString(),
                SignatureProfile.DCI_CAVAGE_ED25519, body, Instant.now());
    }

    /** The template events again, each with a new reference id. */
    static List<NewVitalEvent> renamed(List<NewVitalEvent> template, String prefix) {
        List<NewVitalEvent> out = new ArrayList<>(template.size());
        for (NewVitalEvent e : template) {
            out.add(new NewVitalEvent(e.itemIndex(), prefix + "-" + e.itemIndex(), e.type(), e.rawEventType(),
                    e.eventDate(), e.person(), e.rawItem(), e.customAttributes()));
        }
        return out;
    }

    @Override
    public void close() {
        db.close();
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; left behind at worst
        }
    }
}
