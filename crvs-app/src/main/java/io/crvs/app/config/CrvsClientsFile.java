package io.crvs.app.config;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.http.client.CrvsEndpoint;
import io.crvs.http.client.CrvsPaths;
import io.crvs.http.client.OAuth2Client;
import io.crvs.http.client.SearchMode;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the CRVS systems we call from a properties file ({@code outbound.file}): one group of keys per CRVS,
 * {@code crvs.<its sender_id>.<option>}, for example
 * <pre>
 * crvs.crvs.example.gov.base-url=https://crvs.example.gov
 * crvs.crvs.example.gov.path-prefix=/crvs
 * crvs.crvs.example.gov.token-url=https://crvs.example.gov/oauth2/client/token
 * crvs.crvs.example.gov.client-id=registry
 * crvs.crvs.example.gov.client-secret-env=CRVS_EXAMPLE_SECRET
 * </pre>
 * The sender id is everything between {@code crvs.} and the last dot (options have no dots; a {@code :} in it is
 * written {@code \:}). Every CRVS must also be registered as a sender, so that its answers are verified. An unknown
 * option, a bad value or a missing base URL stops the start with a message naming the key.
 */
public final class CrvsClientsFile {

    /** Every option a CRVS may set. */
    static final Set<String> OPTIONS = Set.of("base-url", "path-prefix", "sync-search-path", "search-path",
            "subscribe-path", "unsubscribe-path", "search-mode", "profile", "receiver-id", "registry-type",
            "connect-timeout", "read-timeout", "attempts", "retry-backoff", "token-url", "client-id", "client-secret",
            "client-secret-env", "scope");

    private CrvsClientsFile() {
    }

    /**
     * @param file the file, or {@code null} for none
     * @param env  where {@code client-secret-env} secrets are read
     * @return the CRVS systems in sender-id order; empty without a file
     */
    public static List<CrvsEndpoint> read(Path file, Map<String, String> env) {
        if (file == null) {
            return List.of();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read outbound.file " + file + ": " + e.getMessage());
        }
        Map<String, Map<String, String>> byCrvs = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            int last = key.lastIndexOf('.');
            if (!key.startsWith("crvs.") || last <= "crvs.".length()) {
                throw new InvalidInputException("unknown key '" + key + "' in " + file
                        + " (expected crvs.<sender id>.<option>)");
            }
            String option = key.substring(last + 1);
            if (!OPTIONS.contains(option)) {
                throw new InvalidInputException("unknown option '" + option + "' in key '" + key + "' of " + file
                        + " (expected one of " + new java.util.TreeSet<>(OPTIONS) + ")");
            }
            byCrvs.computeIfAbsent(key.substring("crvs.".length(), last), k -> new LinkedHashMap<>())
                    .put(option, p.getProperty(key).strip());
        }
        List<CrvsEndpoint> endpoints = new ArrayList<>();
        byCrvs.forEach((id, options) -> endpoints.add(endpoint(id, options, env, file)));
        return endpoints;
    }

    private static CrvsEndpoint endpoint(String id, Map<String, String> o, Map<String, String> env, Path file) {
        Options r = new Options(id, o, file);
        try {
            CrvsPaths defaults = CrvsPaths.under(o.getOrDefault("path-prefix", "/registry"));
            CrvsPaths paths = new CrvsPaths(o.getOrDefault("sync-search-path", defaults.syncSearch()),
                    o.getOrDefault("search-path", defaults.search()),
                    o.getOrDefault("subscribe-path", defaults.subscribe()),
                    o.getOrDefault("unsubscribe-path", defaults.unsubscribe()));
            return new CrvsEndpoint(id, r.uri("base-url", true), paths,
                    SearchMode.parse(o.getOrDefault("search-mode", "sync")),
                    SignatureProfile.parse(o.getOrDefault("profile", "dci-cavage-ed25519")), o.get("receiver-id"),
                    o.get("registry-type"), r.duration("connect-timeout", Duration.ofSeconds(5)),
                    r.duration("read-timeout", Duration.ofSeconds(30)), r.integer("attempts", 3),
                    r.duration("retry-backoff", Duration.ofSeconds(1)), oauth2(r, o, env));
        } catch (IllegalArgumentException e) { // the adapter's and the domain's validation messages
            throw new InvalidInputException("CRVS " + id + " in " + file + ": " + e.getMessage());
        }
    }

    private static OAuth2Client oauth2(Options r, Map<String, String> o, Map<String, String> env) {
        URI tokenUrl = r.uri("token-url", false);
        if (tokenUrl == null) {
            if (o.containsKey("client-id") || o.containsKey("client-secret") || o.containsKey("client-secret-env")) {
                throw new IllegalArgumentException("client-id and client-secret need a token-url");
            }
            return null;
        }
        String secret = o.get("client-secret");
        if (o.containsKey("client-secret-env")) {
            secret = env.get(o.get("client-secret-env"));
            if (secret == null) {
                throw new IllegalArgumentException("environment variable " + o.get("client-secret-env")
                        + " (client-secret-env) is not set");
            }
        }
        return new OAuth2Client(tokenUrl, o.get("client-id"), secret, o.get("scope"));
    }

    /** Typed reads of one CRVS's options, with errors naming the key. */
    private record Options(String id, Map<String, String> o, Path file) {
        URI uri(String option, boolean required) {
            String v = o.get(option);
            if (v == null || v.isEmpty()) {
                if (required) {
                    throw new IllegalArgumentException(key(option) + " is required");
                }
                return null;
            }
            try {
                return new URI(v);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(key(option) + " is not a URL");
            }
        }

        Duration duration(String option, Duration fallback) {
            String v = o.get(option);
            try {
                return v == null ? fallback : Duration.parse(v);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key(option) + " must be an ISO-8601 duration such as PT30S");
            }
        }

        int integer(String option, int fallback) {
            String v = o.get(option);
            try {
                return v == null ? fallback : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key(option) + " must be a whole number");
            }
        }

        private String key(String option) {
            return "crvs." + id + "." + option;
        }
    }
}
