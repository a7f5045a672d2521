package io.crvs.http.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Admin API bearer tokens: {@code crvs_} followed by 32 random bytes in unpadded base64url (43 characters), and
 * the lower-case hex SHA-256 that is all the {@link io.crvs.core.port.out.ApiUserStore} keeps. A fast hash is
 * enough because tokens carry 256 random bits (no dictionary to guess from). Stateless and thread-safe.
 */
public final class ApiTokens {

    /** Every token starts with this, so a leaked one is recognisable by secret scanners. */
    public static final String PREFIX = "crvs_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    /** A new token from the system's strong random source; show it once, store only {@link #hash}. */
    public static String generate() {
        return generate(RANDOM);
    }

    /** A new token from the given random source. */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lower-case hex SHA-256 of the token's UTF-8 bytes. */
    public static String hash(String token) {
        Objects.requireNonNull(token, "token");
        return HexFormat.of().formatHex(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the token hashes to {@code expectedHash}, compared in constant time. */
    public static boolean matches(String token, String expectedHash) {
        Objects.requireNonNull(expectedHash, "expectedHash");
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) { // every Java platform must provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
