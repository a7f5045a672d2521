package io.crvs.app.config;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.RetryPolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a {@link CrvsConfig}: defaults, then the properties file (if any), then environment variables
 * ({@code CRVS_HTTP_PORT}, …), then explicit overrides (command-line options). A bad value fails with a message
 * naming the setting; unknown keys in the file are refused (a typo must not be silently ignored).
 */
public final class ConfigLoader {

    private final Map<Setting, String> values = new EnumMap<>(Setting.class);

    private ConfigLoader() {
        for (Setting s : Setting.values()) {
            values.put(s, s.defaultValue());
        }
    }

    /**
     * @param file      properties file, or {@code null}
     * @param env       environment (usually {@code System.getenv()})
     * @param overrides explicit values
     */
    public static CrvsConfig load(Path file, Map<String, String> env, Map<Setting, String> overrides) {
        ConfigLoader loader = new ConfigLoader();
        if (file != null) {
            loader.readFile(file);
        }
        for (Setting s : Setting.values()) {
            String v = env.get(s.env());
            if (v != null) {
                loader.values.put(s, v.strip());
            }
        }
        overrides.forEach((k, v) -> loader.values.put(k, v));
        return loader.build();
    }

    private void readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Set<String> known = Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.toSet());
        for (String key : p.stringPropertyNames()) {
            if (!known.contains(key)) {
                throw new InvalidInputException("unknown setting '" + key + "' in " + file);
            }
        }
        for (Setting s : Setting.values()) {
            String v = p.getProperty(s.key());
            if (v != null) {
                values.put(s, v.strip());
            }
        }
    }

    private CrvsConfig build() {
        CrvsConfig.Http http = group("http.*", () -> new CrvsConfig.Http(str(Setting.HTTP_HOST),
                integer(Setting.HTTP_PORT), str(Setting.HTTP_BASE_PATH), Arrays.stream(str(Setting.HTTP_ALIASES)
                .split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList(), longValue(Setting.HTTP_BODY_LIMIT),
                integer(Setting.HTTP_WORKER_THREADS)));
        String url = str(Setting.DB_URL);
        CrvsConfig.Database db = group("db.*", () -> new CrvsConfig.Database(url.isEmpty() ? null : url,
                str(Setting.DB_USER), str(Setting.DB_PASSWORD), Path.of(str(Setting.DB_DATA_DIR)),
                integer(Setting.DB_POOL_SIZE)));
        RetryPolicy retry = group("retry.*", () -> new RetryPolicy(
                integer(Setting.RETRY_MAX_ATTEMPTS), duration(Setting.RETRY_INITIAL), duration(Setting.RETRY_MAX),
                duration(Setting.RETRY_NO_MATCH_WINDOW), doubleValue(Setting.RETRY_JITTER)));
        CrvsConfig.Workers workers = group("workers.*", () -> new CrvsConfig.Workers(integer(Setting.WORKERS),
                integer(Setting.WORKERS_BATCH), duration(Setting.WORKERS_POLL), duration(Setting.WORKERS_LINGER),
                duration(Setting.WORKERS_LEASE),
                retry));
        CrvsConfig.Security security = new CrvsConfig.Security(duration(Setting.SIG_FUTURE_SKEW),
                duration(Setting.SIG_MAX_VALIDITY), duration(Setting.JWKS_TTL), duration(Setting.JWKS_COOLDOWN),
                duration(Setting.JWKS_MAX_STALENESS));
        String crvsFile = str(Setting.OUTBOUND_FILE);
        String callback = str(Setting.OUTBOUND_CALLBACK_URL);
        CrvsConfig.Outbound outbound = new CrvsConfig.Outbound(str(Setting.DCI_SENDER_ID),
                Path.of(str(Setting.KEYS_DIR)), duration(Setting.KEYS_OVERLAP),
                crvsFile.isEmpty() ? null : Path.of(crvsFile), callback.isEmpty() ? null : uri(Setting.OUTBOUND_CALLBACK_URL),
                duration(Setting.OUTBOUND_ASYNC_TIMEOUT), duration(Setting.OUTBOUND_SIGNATURE_VALIDITY),
                integer(Setting.RECONCILE_BATCH));
        return new CrvsConfig(http, db, workers, security, str(Setting.LOG_LEVEL).toLowerCase(java.util.Locale.ROOT),
                outbound);
    }

    /** Builds one group of settings; a value the group refuses is reported with the group's key prefix. */
    private static <T> T group(String keys, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("setting ")) {
                throw e; // already names its key
            }
            throw new InvalidInputException("settings " + keys + ": " + e.getMessage());
        }
    }

    private String str(Setting s) {
        return values.get(s);
    }

    private int integer(Setting s) {
        return wrap(s, () -> Integer.parseInt(str(s)));
    }

    private long longValue(Setting s) {
        return wrap(s, () -> Long.parseLong(str(s)));
    }

    private double doubleValue(Setting s) {
        return wrap(s, () -> Double.parseDouble(str(s)));
    }

    private Duration duration(Setting s) {
        return wrap(s, () -> Duration.parse(str(s)));
    }

    private java.net.URI uri(Setting s) {
        try {
            return new java.net.URI(str(s));
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("setting " + s.key() + " (" + s.env() + "): not a URL: " + e.getMessage());
        }
    }

    private static <T> T wrap(Setting s, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidInputException("setting " + s.key() + " (" + s.env() + "): cannot read value: "
                    + e.getMessage());
        }
    }
}
