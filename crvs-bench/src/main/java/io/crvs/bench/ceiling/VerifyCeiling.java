package io.crvs.bench.ceiling;

import com.nimbusds.jose.jwk.RSAKey;
import io.crvs.http.signing.Ed25519SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The signature ceiling: raw verifications per second with the benchmark senders' own keys, nothing else (no
 * parsing, no canonical JSON, no key lookup). Ed25519 with BouncyCastle's RFC 8032 code and a decoded public point
 * (what the receiver uses); RS256 with the JDK's {@code SHA256withRSA} (what Nimbus uses underneath). Each on
 * {@code threads} threads for a fixed time; the inputs have the size of the real signing inputs.
 */
public final class VerifyCeiling {

    private VerifyCeiling() {
    }

    /** Ed25519 verifications per second over a cavage signing string. */
    public static double ed25519(Ed25519SigningKey key, int threads, Duration time) {
        byte[] message = ("(created): 1767225600\n(expires): 1767228600\ndigest: "
                + "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=").getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(key.publicKey(), 0);
        return measure(threads, time, () -> {
            if (!Ed25519.verify(signature, 0, point, message, 0, message.length)) {
                throw new IllegalStateException("Ed25519 ceiling: the signature does not verify");
            }
        });
    }

    /** RS256 verifications per second over a JWS signing input of {@code inputBytes}. */
    public static double rs256(RSAKey key, int inputBytes, int threads, Duration time) {
        try {
            byte[] input = new byte[inputBytes];
            java.util.Arrays.fill(input, (byte) 'a');
            PrivateKey priv = key.toPrivateKey();
            PublicKey pub = key.toPublicKey();
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(priv);
            signer.update(input);
            byte[] sig = signer.sign();
            ThreadLocal<Signature> verifiers = ThreadLocal.withInitial(() -> {
                try {
                    return Signature.getInstance("SHA256withRSA");
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
            return measure(threads, time, () -> {
                try {
                    Signature v = verifiers.get();
                    v.initVerify(pub);
                    v.update(input);
                    if (!v.verify(sig)) {
                        throw new IllegalStateException("RS256 ceiling: the signature does not verify");
                    }
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code op} on {@code threads} threads: a warm-up of half the time, then the measured time. */
    static double measure(int threads, Duration time, Runnable op) {
        run(threads, time.dividedBy(2), op);
        return run(threads, time, op);
    }

    private static double run(int threads, Duration time, Runnable op) {
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + time.toNanos();
        List<Thread> list = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    op.run();
                    n++;
                }
                count.addAndGet(n);
            });
            list.add(thread);
            thread.start();
        }
        for (Thread thread : list) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return count.get() * 1e9 / (System.nanoTime() - start);
    }
}
