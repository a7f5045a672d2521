package io.crvs.jooq;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Persistence adapter configuration: which PostgreSQL to use. Immutable and validated on construction.
 *
 * <p>Without a URL the receiver starts its own PostgreSQL (embedded, from binaries on the class path) keeping its
 * data in {@code dataDirectory}; with a URL it connects to that server instead and {@code dataDirectory} is unused.
 *
 * @param url           JDBC URL of an external PostgreSQL ({@code jdbc:postgresql://…}), or {@code null} for the
 *                      embedded one
 * @param user          user for the external server, or {@code null}
 * @param password      password for the external server, or {@code null}; never shown by {@link #toString()}
 * @param dataDirectory where the embedded server keeps its data (created on first start, reused afterwards);
 *                      relative paths resolve against the working directory; {@code null} means
 *                      {@link #DEFAULT_DATA_DIRECTORY}
 * @param maxPoolSize   most connections held open at once (1 to 200)
 * @param connectionTimeout how long a call waits for a connection before it fails with
 *                      {@code StoreUnavailableException} (at least 250 ms); {@code null} means
 *                      {@link #DEFAULT_CONNECTION_TIMEOUT}
 */
public record DatabaseConfig(String url, String user, String password, Path dataDirectory, int maxPoolSize,
                             Duration connectionTimeout) {

    /** {@code ./crvs-data/postgres} under the working directory. */
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("crvs-data", "postgres");
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** Environment variables read by {@link #fromEnvironment}. */
    public static final String ENV_URL = "CRVS_DB_URL";
    public static final String ENV_USER = "CRVS_DB_USER";
    public static final String ENV_PASSWORD = "CRVS_DB_PASSWORD";

    public DatabaseConfig {
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:");
        }
        dataDirectory = (dataDirectory == null ? DEFAULT_DATA_DIRECTORY : dataDirectory).toAbsolutePath().normalize();
        if (maxPoolSize < 1 || maxPoolSize > 200) {
            throw new IllegalArgumentException("the connection pool size must be between 1 and 200");
        }
        connectionTimeout = connectionTimeout == null ? DEFAULT_CONNECTION_TIMEOUT : connectionTimeout;
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("the connection timeout must be at least 250 ms");
        }
    }

    /** The embedded PostgreSQL, its data in {@code dataDirectory}. */
    public static DatabaseConfig embedded(Path dataDirectory) {
        return new DatabaseConfig(null, null, null, Objects.requireNonNull(dataDirectory, "dataDirectory"),
                DEFAULT_POOL_SIZE, null);
    }

    /** An external PostgreSQL. */
    public static DatabaseConfig external(String url, String user, String password) {
        return new DatabaseConfig(Objects.requireNonNull(url, "url"), user, password, null, DEFAULT_POOL_SIZE, null);
    }

    /**
     * {@code CRVS_DB_URL}, {@code CRVS_DB_USER} and {@code CRVS_DB_PASSWORD} from {@code env}; without a URL, the
     * embedded PostgreSQL in {@code dataDirectory} ({@code null}: the default).
     */
    public static DatabaseConfig fromEnvironment(Map<String, String> env, Path dataDirectory) {
        return new DatabaseConfig(env.get(ENV_URL), env.get(ENV_USER), env.get(ENV_PASSWORD), dataDirectory,
                DEFAULT_POOL_SIZE, null);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    public DatabaseConfig withMaxPoolSize(int size) {
        return new DatabaseConfig(url, user, password, dataDirectory, size, connectionTimeout);
    }

    public DatabaseConfig withConnectionTimeout(Duration timeout) {
        return new DatabaseConfig(url, user, password, dataDirectory, maxPoolSize, timeout);
    }

    /** Where the data is, for logs: the data directory, or the URL without its query (which may hold secrets). */
    public String describe() {
        if (isEmbedded()) {
            return "embedded PostgreSQL, data in " + dataDirectory;
        }
        int query = url.indexOf('?');
        return "PostgreSQL at " + (query < 0 ? url : url.substring(0, query)) + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + describe() + ", pool " + maxPoolSize + (password == null ? "" : ", password ***")
                + "]";
    }
}
