package io.crvs.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person or system allowed to call the admin API, identified by a bearer token of which only the SHA-256 hash
 * is stored (tokens are 256-bit random values, so a fast hash is enough; the token itself is shown once).
 *
 * @param name      unique login name: letters, digits, {@code . _ - @}, 1 to 64 characters
 * @param role      what the user may do
 * @param tokenHash lower-case hex SHA-256 of the token
 * @param createdAt when the user was created
 * @param active    inactive users are refused
 */
public record ApiUser(String name, Role role, String tokenHash, Instant createdAt, boolean active) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public ApiUser {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("user name must be 1 to 64 letters, digits or . _ - @");
        }
        Objects.requireNonNull(role, "role");
        if (tokenHash == null || !HASH.matcher(tokenHash).matches()) {
            throw new InvalidInputException("token hash must be 64 lower-case hex digits");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
