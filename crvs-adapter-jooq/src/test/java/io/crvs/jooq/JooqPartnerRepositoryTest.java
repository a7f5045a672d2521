package io.crvs.jooq;

import io.crvs.core.port.out.PartnerRepository;
import io.crvs.core.testing.AbstractPartnerRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The core's partner-repository contract against {@link JooqPartnerRepository} on PostgreSQL. */
class JooqPartnerRepositoryTest extends AbstractPartnerRepositoryContract {

    private static PostgresDatabase db;
    private static JooqPartnerRepository partners;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        partners = new JooqPartnerRepository(new JooqTransactions(db.dataSource()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected PartnerRepository createRepository() {
        return partners;
    }
}
