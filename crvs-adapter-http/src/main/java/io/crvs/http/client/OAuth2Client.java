package io.crvs.http.client;

import java.net.URI;
import java.util.Objects;

/**
 * Our OAuth2 client-credentials registration at a CRVS ({@code POST /oauth2/client/token}, reference §4.3). The
 * id and secret travel in the form body ({@code client_secret_post}).
 *
 * @param tokenUrl     the token endpoint (absolute http(s) URL)
 * @param clientId     our client id
 * @param clientSecret our client secret (never logged nor shown)
 * @param scope        the scope to ask for, or {@code null} for the server's default
 */
public record OAuth2Client(URI tokenUrl, String clientId, String clientSecret, String scope) {
    public OAuth2Client {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        if (!tokenUrl.isAbsolute() || !("http".equals(tokenUrl.getScheme()) || "https".equals(tokenUrl.getScheme()))) {
            throw new IllegalArgumentException("the OAuth2 token URL must be an absolute http(s) URL");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("an OAuth2 client id is required with a token URL");
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("an OAuth2 client secret is required with a token URL");
        }
    }

    /** Without the secret. */
    @Override
    public String toString() {
        return "OAuth2Client[" + tokenUrl + ", client " + clientId + (scope == null ? "" : ", scope " + scope) + "]";
    }
}
