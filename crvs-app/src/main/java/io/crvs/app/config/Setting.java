package io.crvs.app.config;

/**
 * Every configuration setting: its key in the properties file, its environment variable, its default and what it
 * does. The README's configuration table is this enum.
 */
public enum Setting {
    HTTP_HOST("http.host", "127.0.0.1", "address the HTTP server binds to (0.0.0.0 for all)"),
    HTTP_PORT("http.port", "8080", "HTTP port"),
    HTTP_BASE_PATH("http.base-path", "/registry", "DCI base path (notify is at {base}/notify)"),
    HTTP_ALIASES("http.aliases", "/crvs", "comma-separated further base paths served the same way"),
    HTTP_BODY_LIMIT("http.body-limit", "1048576", "largest request body in bytes (413 above)"),
    HTTP_WORKER_THREADS("http.worker-threads", "32", "Undertow request worker threads"),
    DB_URL("db.url", "", "JDBC URL of an external PostgreSQL; empty = embedded PostgreSQL"),
    DB_USER("db.user", "crvs", "database user (external PostgreSQL)"),
    DB_PASSWORD("db.password", "", "database password (external PostgreSQL)"),
    DB_DATA_DIR("db.data-dir", "crvs-data/postgres", "data directory of the embedded PostgreSQL"),
    DB_POOL_SIZE("db.pool-size", "16", "database connection pool size"),
    WORKERS("workers.count", "1", "processing worker threads (0 = receive only)"),
    WORKERS_BATCH("workers.batch-size", "200", "events a worker claims per round"),
    WORKERS_POLL("workers.poll-interval", "PT0.5S", "pause when no event is due (ISO-8601 duration)"),
    WORKERS_LINGER("workers.linger", "PT0.05S",
            "pause after a round that found less than a full batch, so events arriving one by one are processed"
                    + " in batches (PT0S = none)"),
    WORKERS_LEASE("workers.lease", "PT2M", "how long a claimed event is held before it is handed out again"),
    RETRY_MAX_ATTEMPTS("retry.max-attempts", "8", "attempts before a retryable failure stays in error"),
    RETRY_INITIAL("retry.initial-backoff", "PT5S", "delay after the first failure (doubles each time)"),
    RETRY_MAX("retry.max-backoff", "PT15M", "longest delay between automatic retries"),
    RETRY_NO_MATCH_WINDOW("retry.no-match-window", "P7D", "how long an event with no matching person is retried"),
    RETRY_JITTER("retry.jitter", "0.2", "random fraction added to or taken from each delay"),
    SIG_FUTURE_SKEW("signature.future-skew", "PT60S", "how far in the future a signature's created time may be"),
    SIG_MAX_VALIDITY("signature.max-validity", "PT1H", "longest accepted signature validity (expires - created)"),
    JWKS_TTL("jwks.ttl", "PT5M", "how long fetched sender keys are used before a refresh"),
    JWKS_COOLDOWN("jwks.cooldown", "PT30S", "least time between two refetches triggered by an unknown kid"),
    JWKS_MAX_STALENESS("jwks.max-staleness", "PT24H", "how long the last good keys serve while a JWKS host is down"),
    DCI_SENDER_ID("dci.sender-id", "", "our DCI sender_id toward CRVS systems (first part of our key ids);"
            + " required to call a CRVS"),
    KEYS_DIR("keys.dir", "crvs-data/keys", "key store of our signing keys (directory 0700, key files 0600)"),
    KEYS_OVERLAP("keys.overlap", "P7D", "how long a rotated-out public key stays in our JWKS"),
    OUTBOUND_FILE("outbound.file", "", "properties file describing the CRVS systems we call; empty = none"),
    OUTBOUND_CALLBACK_URL("outbound.callback-url", "", "our DCI base URL as CRVS systems reach it, e.g."
            + " https://registry.example/registry (sent as sender_uri); empty = none sent"),
    OUTBOUND_ASYNC_TIMEOUT("outbound.async-timeout", "PT30S", "how long an asynchronous search waits for on-search"),
    OUTBOUND_SIGNATURE_VALIDITY("outbound.signature-validity", "PT5M", "how long our request signatures are valid"),
    RECONCILE_BATCH("reconcile.batch-size", "50", "registry persons asked about per reconcile request"),
    LOG_LEVEL("log.level", "info", "log level: error, warn, info, debug, trace");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** Key in the properties file, e.g. {@code http.port}. */
    public String key() {
        return key;
    }

    /** Environment variable, e.g. {@code CRVS_HTTP_PORT}. */
    public String env() {
        return "CRVS_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
