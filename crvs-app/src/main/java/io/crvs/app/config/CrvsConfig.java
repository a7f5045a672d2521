package io.crvs.app.config;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The receiver's whole configuration, validated once and then frozen. Built by {@link ConfigLoader} from defaults,
 * an optional properties file, environment variables and command-line options (in increasing precedence).
 *
 * @param http     HTTP server settings
 * @param database database settings
 * @param workers  processing settings
 * @param security signature and key settings
 * @param logLevel slf4j-simple default level (error, warn, info, debug, trace)
 * @param outbound our identity, keys and the CRVS systems we call
 */
public record CrvsConfig(Http http, Database database, Workers workers, Security security, String logLevel,
                         Outbound outbound) {

    public CrvsConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(outbound, "outbound");
        if (!List.of("error", "warn", "info", "debug", "trace").contains(logLevel)) {
            throw new InvalidInputException("log level must be one of error, warn, info, debug, trace");
        }
    }

    /**
     * @param host       bind address
     * @param port       TCP port (0 = any free port)
     * @param basePath   DCI base path, e.g. {@code /registry}
     * @param aliases    further base paths served the same way, e.g. {@code /crvs}
     * @param bodyLimit  largest accepted request body in bytes
     * @param workerThreads Undertow blocking worker threads
     */
    public record Http(String host, int port, String basePath, List<String> aliases, long bodyLimit, int workerThreads) {
        public Http {
            if (port < 0 || port > 65535) {
                throw new InvalidInputException("http port must be between 0 and 65535");
            }
            basePath = normalisePath(basePath, "base path");
            aliases = aliases.stream().map(a -> normalisePath(a, "alias")).toList();
            if (bodyLimit < 1024) {
                throw new InvalidInputException("body limit must be at least 1024 bytes");
            }
            if (workerThreads < 1 || workerThreads > 1024) {
                throw new InvalidInputException("worker threads must be between 1 and 1024");
            }
        }
    }

    /**
     * @param url      JDBC URL of an external PostgreSQL, or {@code null} for the embedded one
     * @param user     user for the external database
     * @param password password for the external database
     * @param dataDir  data directory of the embedded PostgreSQL
     * @param poolSize connection pool size
     */
    public record Database(String url, String user, String password, Path dataDir, int poolSize) {
        public Database {
            if (url != null && !url.startsWith("jdbc:postgresql:")) {
                throw new InvalidInputException("database URL must start with jdbc:postgresql:");
            }
            Objects.requireNonNull(dataDir, "dataDir");
            if (poolSize < 2) {
                throw new InvalidInputException("pool size must be at least 2");
            }
        }

        public boolean embedded() {
            return url == null;
        }

        @Override
        public String toString() {
            return "Database[" + (embedded() ? "embedded at " + dataDir : url + " as " + user) + ", pool " + poolSize
                    + "]";
        }
    }

    /**
     * @param count        processing worker threads (0 = receive only)
     * @param batchSize    events claimed per round
     * @param pollInterval pause when the queue is empty
     * @param linger       pause after a round that found less than a full batch
     * @param lease        how long a claimed event is held before it is handed out again
     * @param retry        automatic retry policy
     */
    public record Workers(int count, int batchSize, Duration pollInterval, Duration linger, Duration lease,
                          RetryPolicy retry) {
        public Workers {
            if (count < 0 || count > 64) {
                throw new InvalidInputException("worker count must be between 0 and 64");
            }
            if (batchSize < 1 || batchSize > 1000) {
                throw new InvalidInputException("batch size must be between 1 and 1000");
            }
            Objects.requireNonNull(pollInterval, "pollInterval");
            if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new InvalidInputException("linger must be between 0 and 10 s");
            }
            if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new InvalidInputException("lease must be at least 1 s");
            }
            Objects.requireNonNull(retry, "retry");
        }
    }

    /**
     * @param futureSkew       how far in the future a signature's created time may be
     * @param maxValidity      longest accepted expires - created
     * @param jwksTtl          how long fetched keys are used before a refresh
     * @param jwksCooldown     least time between two refetches for an unknown kid
     * @param jwksMaxStaleness how long the last good keys serve while the JWKS host is down
     */
    public record Security(Duration futureSkew, Duration maxValidity, Duration jwksTtl, Duration jwksCooldown,
                           Duration jwksMaxStaleness) {
        public Security {
            Objects.requireNonNull(futureSkew, "futureSkew");
            Objects.requireNonNull(maxValidity, "maxValidity");
            Objects.requireNonNull(jwksTtl, "jwksTtl");
            Objects.requireNonNull(jwksCooldown, "jwksCooldown");
            Objects.requireNonNull(jwksMaxStaleness, "jwksMaxStaleness");
        }
    }

    /**
     * @param senderId          our DCI {@code sender_id}, or empty when not configured
     * @param keysDir           the key store directory
     * @param keyOverlap        how long a rotated-out public key stays published
     * @param crvsFile          the file describing the CRVS systems we call, or {@code null}
     * @param callbackUrl       our DCI base URL as CRVS systems reach it, or {@code null}
     * @param asyncTimeout      how long an asynchronous search waits for its callback
     * @param signatureValidity how long our request signatures stay valid
     * @param reconcileBatch    persons per reconcile request
     */
    public record Outbound(String senderId, Path keysDir, Duration keyOverlap, Path crvsFile, URI callbackUrl,
                           Duration asyncTimeout, Duration signatureValidity, int reconcileBatch) {
        public Outbound {
            Objects.requireNonNull(senderId, "senderId");
            if (!senderId.isEmpty() && !senderId.matches("[A-Za-z0-9._:/-]{1,200}")) {
                throw new InvalidInputException("dci.sender-id must be 1 to 200 letters, digits or . _ - : /");
            }
            Objects.requireNonNull(keysDir, "keysDir");
            if (keyOverlap.isNegative()) {
                throw new InvalidInputException("keys.overlap must not be negative");
            }
            if (callbackUrl != null && (!callbackUrl.isAbsolute() || callbackUrl.getHost() == null
                    || !("http".equals(callbackUrl.getScheme()) || "https".equals(callbackUrl.getScheme())))) {
                throw new InvalidInputException("outbound.callback-url must be an absolute http(s) URL");
            }
            if (asyncTimeout.isNegative() || asyncTimeout.isZero()) {
                throw new InvalidInputException("outbound.async-timeout must be positive");
            }
            if (signatureValidity.getSeconds() < 1 || signatureValidity.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidInputException("outbound.signature-validity must be between PT1S and PT1H");
            }
            if (reconcileBatch < 1 || reconcileBatch > 500) {
                throw new InvalidInputException("reconcile.batch-size must be between 1 and 500");
            }
        }
    }

    private static String normalisePath(String path, String what) {
        if (path == null || !path.matches("(/[A-Za-z0-9._~-]+)+/?")) {
            throw new InvalidInputException(what + " must look like /registry (got " + path + ")");
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
