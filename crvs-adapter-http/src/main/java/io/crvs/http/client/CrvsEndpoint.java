package io.crvs.http.client;

import io.crvs.core.domain.SignatureProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How we call one CRVS. Immutable, validated.
 *
 * @param crvsId         the CRVS's {@code sender_id}; it must be registered as a sender (its answers and callbacks
 *                       are verified with its keys, like its notifies)
 * @param baseUrl        its base URL ({@code https://crvs.example.gov}); the paths are appended
 * @param paths          the endpoint paths below the base URL
 * @param searchMode     whether searches are synchronous or answered by callback
 * @param profile        how we sign our requests to it: {@code dci-cavage-ed25519} or {@code jws-compact} (EdDSA)
 * @param receiverId     the {@code header.receiver_id} we send
 * @param registryType   the {@code reg_type} of our searches and subscriptions
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    how long to wait for an answer
 * @param maxAttempts    attempts for a transient failure (connection refused, 502, 503, 504), 1 to 10
 * @param retryBackoff   pause before the second attempt, doubled for each further one
 * @param oauth2         our client-credentials registration, or {@code null} when it wants no bearer token
 */
public record CrvsEndpoint(String crvsId, URI baseUrl, CrvsPaths paths, SearchMode searchMode,
                           SignatureProfile profile, String receiverId, String registryType,
                           Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration retryBackoff,
                           OAuth2Client oauth2) {

    /** {@code reg_type} when none is configured (reference §6.2). */
    public static final String DEFAULT_REGISTRY_TYPE = "ns:org:RegistryType:Civil";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/-]{1,256}");

    public CrvsEndpoint {
        if (crvsId == null || !ID.matcher(crvsId).matches()) {
            throw new IllegalArgumentException("a CRVS id is its sender id: 1 to 256 letters, digits or . _ - : /");
        }
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute() || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the base URL of CRVS " + crvsId + " must be an absolute http(s) URL");
        }
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(searchMode, "searchMode");
        if (profile != SignatureProfile.DCI_CAVAGE_ED25519 && profile != SignatureProfile.JWS_COMPACT) {
            throw new IllegalArgumentException("we sign requests to CRVS " + crvsId
                    + " with dci-cavage-ed25519 or jws-compact, not " + (profile == null ? "nothing" : profile.code()));
        }
        if (receiverId == null || receiverId.isBlank()) {
            receiverId = crvsId;
        }
        if (registryType == null || registryType.isBlank()) {
            registryType = DEFAULT_REGISTRY_TYPE;
        }
        positive(connectTimeout, "connect timeout");
        positive(readTimeout, "read timeout");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("attempts must be between 1 and 10");
        }
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("the retry backoff must not be negative");
        }
    }

    /** Standard paths, sync search, cavage signatures, timeouts 5 s / 30 s, 3 attempts from 1 s, no OAuth2. */
    public static CrvsEndpoint of(String crvsId, URI baseUrl) {
        return new CrvsEndpoint(crvsId, baseUrl, CrvsPaths.standard(), SearchMode.SYNC,
                SignatureProfile.DCI_CAVAGE_ED25519, null, null, Duration.ofSeconds(5), Duration.ofSeconds(30), 3,
                Duration.ofSeconds(1), null);
    }

    public CrvsEndpoint withPaths(CrvsPaths newPaths) {
        return new CrvsEndpoint(crvsId, baseUrl, newPaths, searchMode, profile, receiverId, registryType,
                connectTimeout, readTimeout, maxAttempts, retryBackoff, oauth2);
    }

    public CrvsEndpoint withSearchMode(SearchMode mode) {
        return new CrvsEndpoint(crvsId, baseUrl, paths, mode, profile, receiverId, registryType, connectTimeout,
                readTimeout, maxAttempts, retryBackoff, oauth2);
    }

    public CrvsEndpoint withProfile(SignatureProfile p) {
        return new CrvsEndpoint(crvsId, baseUrl, paths, searchMode, p, receiverId, registryType, connectTimeout,
                readTimeout, maxAttempts, retryBackoff, oauth2);
    }

    public CrvsEndpoint withTimeouts(Duration connect, Duration read) {
        return new CrvsEndpoint(crvsId, baseUrl, paths, searchMode, profile, receiverId, registryType, connect, read,
                maxAttempts, retryBackoff, oauth2);
    }

    public CrvsEndpoint withRetries(int attempts, Duration backoff) {
        return new CrvsEndpoint(crvsId, baseUrl, paths, searchMode, profile, receiverId, registryType,
                connectTimeout, readTimeout, attempts, backoff, oauth2);
    }

    public CrvsEndpoint withOAuth2(OAuth2Client client) {
        return new CrvsEndpoint(crvsId, baseUrl, paths, searchMode, profile, receiverId, registryType,
                connectTimeout, readTimeout, maxAttempts, retryBackoff, client);
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the " + what + " must be positive");
        }
    }

    /** The absolute URL of a path below the base URL. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
