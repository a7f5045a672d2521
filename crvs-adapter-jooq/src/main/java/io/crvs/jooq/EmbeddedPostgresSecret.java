package io.crvs.jooq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded PostgreSQL's superuser, kept next to its data directory in
 * {@code <data dir>.secret} (readable by the owner only), and the hardening that makes the server require it: a new
 * cluster is created with scram-sha-256 authentication; a cluster created by an earlier version with {@code trust}
 * is switched over on its first start (password set, {@code pg_hba.conf} rewritten, configuration reloaded).
 * Without this any local process could connect to the database without a password.
 */
final class EmbeddedPostgresSecret {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresSecret.class);
    private static final String HBA = """
            # written by the CRVS receiver: every connection needs the password in %s
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private final Path file;
    private final String password;

    private EmbeddedPostgresSecret(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    /** Reads the secret of {@code dataDir}, creating it (owner-only) when there is none. */
    static EmbeddedPostgresSecret forDataDirectory(Path dataDir) {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + ".secret");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                            "rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file); // not a POSIX file system
                } catch (FileAlreadyExistsException e) {
                    return new EmbeddedPostgresSecret(file, read(file));
                }
                Files.writeString(file, generated + "\n", StandardCharsets.US_ASCII);
                return new EmbeddedPostgresSecret(file, generated);
            }
            return new EmbeddedPostgresSecret(file, read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the database secret " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (value.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return value;
    }

    String password() {
        return password;
    }

    Path file() {
        return file;
    }

    /** Whether the cluster in {@code dataDir} was initialised (a fresh one is created with the password). */
    static boolean initialised(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve("PG_VERSION"));
    }

    /**
     * Makes an already running cluster require the password, if it does not yet: sets the superuser's password,
     * rewrites {@code pg_hba.conf} and reloads the configuration.
     */
    void enforce(Path dataDir, String jdbcUrl, String user) {
        Path hba = dataDir.resolve("pg_hba.conf");
        try {
            List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
            boolean trusting = lines.stream().map(String::strip).filter(l -> !l.startsWith("#") && !l.isEmpty())
                    .anyMatch(l -> l.endsWith("trust"));
            if (!trusting) {
                return;
            }
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            try (Connection c = DriverManager.getConnection(jdbcUrl, props); Statement s = c.createStatement()) {
                // the password is our own base64url string: no quoting issue
                s.execute("alter role " + user + " with password '" + password + "'");
                Files.writeString(hba, String.format(HBA, file.getFileName()), StandardCharsets.UTF_8);
                s.execute("select pg_reload_conf()");
            }
            LOG.info("embedded PostgreSQL in {} now requires its password ({})", dataDir, file.getFileName());
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot enforce password authentication on the embedded PostgreSQL in "
                    + dataDir + ": " + e.getMessage(), e);
        }
    }
}
