package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.port.out.StoreUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

    @Test
    void givenMigratedDatabase_migrateAgain_runsNothingAndReadinessIsReady() {
        try (PostgresDatabase db = TestPostgres.freshDatabase()) {
            assertThat(db.migrate()).isZero();
            assertThat(db.readiness()).satisfies(r -> {
                assertThat(r.ready()).isTrue();
                assertThat(r.detail()).contains("schema up to date");
            });
        }
    }

    @Test
    void givenUnappliedMigration_readiness_isNotReady() throws SQLException {
        try (PostgresDatabase db = TestPostgres.freshDatabase();
             Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("delete from flyway_schema_history"
                    + " where installed_rank = (select max(installed_rank) from flyway_schema_history)");

            assertThat(db.readiness()).satisfies(r -> {
                assertThat(r.ready()).isFalse();
                assertThat(r.detail()).contains("pending");
            });
        }
    }

    @Test
    void givenClosedDatabase_readiness_isNotReady() {
        PostgresDatabase db = TestPostgres.freshDatabase();
        db.close();
        db.close();

        assertThat(db.readiness().ready()).isFalse();
    }

    @Test
    void givenUnreachableExternalServer_start_throwsStoreUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        assertThatThrownBy(() -> PostgresDatabase.start(DatabaseConfig.external("jdbc:postgresql://localhost:"
                + closedPort + "/crvs", "crvs", "secret").withConnectionTimeout(Duration.ofMillis(500))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("localhost:" + closedPort).hasMessageNotContaining("secret");
    }
}
