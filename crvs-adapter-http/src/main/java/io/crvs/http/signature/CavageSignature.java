package io.crvs.http.signature;

import java.util.Objects;

/**
 * A parsed cavage-style signature parameter string (OpenSPP {@code DCISigner}).
 *
 * @param kidId     {@code sender_id|key_id|algorithm} (from {@code kidId} or its alias {@code keyId})
 * @param algorithm the {@code algorithm} parameter as sent
 * @param created   {@code created}, Unix seconds
 * @param expires   {@code expires}, Unix seconds
 * @param signature the decoded signature bytes
 * @param namespace {@code namespace} (informational), or {@code null}
 */
record CavageSignature(String kidId, String algorithm, long created, long expires, byte[] signature,
                       String namespace) {

    CavageSignature {
        Objects.requireNonNull(kidId, "kidId");
        Objects.requireNonNull(algorithm, "algorithm");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CavageSignature c && kidId.equals(c.kidId) && algorithm.equals(c.algorithm)
                && created == c.created && expires == c.expires && java.util.Arrays.equals(signature, c.signature)
                && Objects.equals(namespace, c.namespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kidId, algorithm, created, expires, java.util.Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "CavageSignature[kidId=" + kidId + ", algorithm=" + algorithm + ", created=" + created
                + ", expires=" + expires + "]";
    }
}
