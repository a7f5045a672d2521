package io.crvs.http.signing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * One of our own Ed25519 signing keys: its 32-byte private seed, the derived public key and its key id. The seed
 * never leaves the process (it is not in {@link #toString()} nor in {@link #publicJwk}).
 */
public final class Ed25519SigningKey {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final byte[] seed;
    private final byte[] publicKey;

    /**
     * @param keyId the full key id as published ({@code sender|key|ed25519} for the cavage profile)
     * @param seed  32-byte private key
     */
    public Ed25519SigningKey(String keyId, byte[] seed) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes");
        }
        this.seed = seed.clone();
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
    }

    /** A fresh random key. */
    public static Ed25519SigningKey generate(String keyId) {
        byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
        RANDOM.nextBytes(seed);
        return new Ed25519SigningKey(keyId, seed);
    }

    public String keyId() {
        return keyId;
    }

    /** The 32-byte private seed (a copy), for the key store. */
    public byte[] seed() {
        return seed.clone();
    }

    /** Signs {@code data}; returns the 64-byte signature. */
    public byte[] sign(byte[] data) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, data, 0, data.length, signature, 0);
        return signature;
    }

    /** The public key as a JWK JSON object ({@code kty OKP, crv Ed25519, use sig, alg EdDSA}). */
    public String publicJwk() {
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey);
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + keyId.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"use\":\"sig\",\"alg\":\"EdDSA\",\"x\":\"" + x + "\"}";
    }

    /** A JWKS document holding only this key. */
    public String publicJwks() {
        return "{\"keys\":[" + publicJwk() + "]}";
    }

    public byte[] publicKey() {
        return Arrays.copyOf(publicKey, publicKey.length);
    }

    @Override
    public String toString() {
        return "Ed25519SigningKey[" + keyId + "]";
    }
}
