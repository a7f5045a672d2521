/**
 * Persistence adapter: the core's outgoing persistence ports ({@code EventStore}, {@code PartnerRepository},
 * {@code SenderRegistry}, {@code Transactions}) on PostgreSQL through jOOQ and HikariCP, plus the database bootstrap
 * (embedded PostgreSQL by default, an external one when configured; Flyway migrations on start).
 *
 * <p>Only the public adapters and the bootstrap types leave this package; the generated jOOQ classes
 * ({@code io.crvs.jooq.generated}) and the row mappers never cross a port.
 */
package io.crvs.jooq;
