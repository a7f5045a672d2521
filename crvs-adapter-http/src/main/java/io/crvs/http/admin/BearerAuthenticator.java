package io.crvs.http.admin;

import io.crvs.core.domain.ApiUser;
import io.crvs.core.port.out.ApiUserStore;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the caller of an admin request from {@code Authorization: Bearer <token>}: the token's SHA-256 is looked
 * up in the {@link ApiUserStore} and compared again in constant time. A missing or malformed header, an unknown
 * token or an inactive user is {@code unauthorized} (with {@code WWW-Authenticate: Bearer}); the token itself is
 * never logged nor echoed. Thread-safe.
 */
final class BearerAuthenticator {

    private static final String SCHEME = "bearer ";
    /** Longer headers are refused before hashing (tokens are 48 characters). */
    private static final int MAX_TOKEN_LENGTH = 512;

    private final ApiUserStore users;

    BearerAuthenticator(ApiUserStore users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    ApiUser authenticate(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        String token = token(header).orElseThrow(() -> ApiException.unauthorized(
                "send Authorization: Bearer <token> with an API token"));
        String hash = ApiTokens.hash(token);
        Optional<ApiUser> user = users.findByTokenHash(hash).filter(u -> ApiTokens.matches(token, u.tokenHash()));
        if (user.isEmpty() || !user.get().active()) {
            throw ApiException.unauthorized("the API token is unknown or its user is inactive");
        }
        return user.get();
    }

    private static Optional<String> token(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || token.contains(" ")) {
            return Optional.empty();
        }
        return Optional.of(token);
    }
}
