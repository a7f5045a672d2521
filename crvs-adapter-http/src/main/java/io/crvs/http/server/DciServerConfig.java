package io.crvs.http.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Immutable, validated configuration of the DCI HTTP server.
 *
 * @param port              TCP port, 0 to 65535 (0 = an ephemeral port, for tests)
 * @param bindHost          the interface to bind ({@code 0.0.0.0}, {@code 127.0.0.1}, a host name)
 * @param basePath          where the DCI endpoints live ({@code /registry}: {@code /registry/notify}, …)
 * @param aliases           further base paths serving the same endpoints ({@code /crvs}); distinct from
 *                          {@code basePath} and from each other
 * @param maxBodyBytes      the largest request body accepted (larger → 413), 1 byte to 64 MiB
 * @param workerThreads     worker threads for blocking work (parsing, verification, storage), 1 to 1024
 * @param retryAfterSeconds the {@code Retry-After} sent with a 503, 1 to 3600
 */
public record DciServerConfig(int port, String bindHost, String basePath, List<String> aliases, long maxBodyBytes,
                              int workerThreads, int retryAfterSeconds) {

    /** The default body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024L * 1024L;
    private static final long MAX_BODY_LIMIT = 64L * 1024L * 1024L;
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    public DciServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("bind host must not be blank");
        }
        bindHost = bindHost.strip();
        checkPath(basePath, "base path");
        Set<String> all = new LinkedHashSet<>();
        all.add(basePath);
        for (String alias : Objects.requireNonNull(aliases, "aliases")) {
            checkPath(alias, "alias");
            if (!all.add(alias)) {
                throw new IllegalArgumentException("alias " + alias + " repeats the base path or another alias");
            }
        }
        aliases = List.copyOf(aliases);
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_LIMIT) {
            throw new IllegalArgumentException("body limit must be between 1 and " + MAX_BODY_LIMIT + " bytes");
        }
        if (workerThreads < 1 || workerThreads > 1024) {
            throw new IllegalArgumentException("worker threads must be between 1 and 1024");
        }
        if (retryAfterSeconds < 1 || retryAfterSeconds > 3600) {
            throw new IllegalArgumentException("Retry-After must be between 1 and 3600 seconds");
        }
    }

    /** Port 8080 on every interface, {@code /registry} plus the alias {@code /crvs}, 1 MiB, 16 workers, 30 s. */
    public static DciServerConfig defaults() {
        return new DciServerConfig(8080, "0.0.0.0", "/registry", List.of("/crvs"), DEFAULT_MAX_BODY_BYTES, 16, 30);
    }

    public DciServerConfig withPort(int newPort) {
        return new DciServerConfig(newPort, bindHost, basePath, aliases, maxBodyBytes, workerThreads,
                retryAfterSeconds);
    }

    public DciServerConfig withBindHost(String host) {
        return new DciServerConfig(port, host, basePath, aliases, maxBodyBytes, workerThreads, retryAfterSeconds);
    }

    public DciServerConfig withPaths(String base, List<String> newAliases) {
        return new DciServerConfig(port, bindHost, base, newAliases, maxBodyBytes, workerThreads, retryAfterSeconds);
    }

    public DciServerConfig withMaxBodyBytes(long limit) {
        return new DciServerConfig(port, bindHost, basePath, aliases, limit, workerThreads, retryAfterSeconds);
    }

    /** The base path followed by the aliases. */
    public List<String> allBasePaths() {
        List<String> all = new ArrayList<>();
        all.add(basePath);
        all.addAll(aliases);
        return all;
    }

    private static void checkPath(String path, String what) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException(what + " must look like /registry (segments of letters, digits,"
                    + " . _ ~ -; no trailing slash), not " + path);
        }
    }
}
