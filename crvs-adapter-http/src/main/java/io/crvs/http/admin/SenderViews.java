package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.http.keys.JwksDocumentParser;
import io.crvs.http.keys.JwksFormatException;
import io.crvs.http.keys.KeyFetchSummary;
import io.crvs.http.keys.KeySummary;
import io.crvs.http.keys.ParsedJwks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.TreeSet;

/**
 * JSON views of senders and their keys. Nothing secret is shown: keys appear as kid, type, algorithm and use
 * only (never key material), and credentials in a JWKS URL are masked.
 */
final class SenderViews {

    private SenderViews() {
    }

    static ObjectNode sender(Sender s) {
        ObjectNode node = ApiJson.object();
        node.put("sender_id", s.senderId());
        node.put("name", s.name());
        node.put("profile", s.profile().code());
        node.put("jwks_url", displayUrl(s.jwksUrl()));
        ArrayNode algorithms = node.putArray("allowed_algorithms");
        new TreeSet<>(s.allowedAlgorithms()).forEach(algorithms::add);
        node.put("active", s.active());
        ApiJson.put(node, "last_key_fetch", s.lastKeyFetch());
        node.put("last_key_fetch_error", s.lastKeyFetchError());
        ApiJson.put(node, "keys_fetched_at", s.keys() == null ? null : s.keys().fetchedAt());
        node.put("key_count", keyCount(s));
        node.put("notes", s.notes());
        return node;
    }

    /** How many of the sender's stored keys can verify a signature. */
    static int keyCount(Sender s) {
        return s.keys() == null ? 0 : usableKeys(s.keys()).size();
    }

    /**
     * How a sender's keys stand, for the dashboard: {@code not_needed} (profile {@code none}),
     * {@code never_fetched}, {@code failing} (the last fetch failed and no keys are stored: its messages are
     * refused), {@code stale} (the last fetch failed; the last good keys are still used), {@code no_usable_keys}
     * (fetched, but no key can verify) or {@code ok}.
     */
    static String keyHealth(Sender s) {
        if (s.profile() == SignatureProfile.NONE) {
            return "not_needed";
        }
        if (s.lastKeyFetchError() != null) {
            return s.keys() == null ? "failing" : "stale";
        }
        if (s.keys() == null) {
            return "never_fetched";
        }
        return usableKeys(s.keys()).isEmpty() ? "no_usable_keys" : "ok";
    }

    /** The stored (last good) keys of a sender, with the entries that cannot be used. */
    static ObjectNode storedKeys(Sender s) {
        ObjectNode node = ApiJson.object();
        node.put("sender_id", s.senderId());
        SenderKeys stored = s.keys();
        ArrayNode keys = ApiJson.MAPPER.createArrayNode();
        ArrayNode skipped = ApiJson.MAPPER.createArrayNode();
        String error = null;
        if (stored != null) {
            try {
                ParsedJwks parsed = JwksDocumentParser.parse(stored.jwksJson());
                for (var jwk : parsed.usable()) {
                    ObjectNode key = key(KeySummary.of(jwk));
                    ApiJson.put(key, "fetched_at", stored.fetchedAt());
                    key.put("source_url", displayUrl(stored.sourceUrl()));
                    keys.add(key);
                }
                parsed.skipped().forEach(skipped::add);
            } catch (JwksFormatException e) {
                error = e.getMessage();
            }
        }
        node.put("source_url", stored == null ? null : displayUrl(stored.sourceUrl()));
        ApiJson.put(node, "fetched_at", stored == null ? null : stored.fetchedAt());
        node.set("keys", keys);
        node.set("skipped", skipped);
        node.put("error", error);
        return node;
    }

    /** The result of a fetch-now. */
    static ObjectNode fetchSummary(KeyFetchSummary summary) {
        ObjectNode node = ApiJson.object();
        node.put("sender_id", summary.senderId());
        node.put("source_url", displayUrl(summary.sourceUrl()));
        ApiJson.put(node, "fetched_at", summary.fetchedAt());
        ArrayNode keys = node.putArray("keys");
        summary.keys().forEach(k -> keys.add(key(k)));
        ArrayNode skipped = node.putArray("skipped");
        summary.skipped().forEach(skipped::add);
        return node;
    }

    private static ObjectNode key(KeySummary k) {
        ObjectNode node = ApiJson.object();
        node.put("kid", k.kid());
        node.put("kty", k.kty());
        node.put("alg", k.alg());
        node.put("use", k.use());
        return node;
    }

    private static List<?> usableKeys(SenderKeys keys) {
        try {
            return JwksDocumentParser.parse(keys.jwksJson()).usable();
        } catch (JwksFormatException e) {
            return List.of();
        }
    }

    /** The URL with any {@code user:password@} part masked. */
    static String displayUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() == null) {
                return url;
            }
            return new URI(uri.getScheme(), "***", uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            return "(unparsable URL)";
        }
    }
}
