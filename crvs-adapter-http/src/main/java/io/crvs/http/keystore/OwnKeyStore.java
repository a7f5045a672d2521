package io.crvs.http.keystore;

import io.crvs.http.signing.Ed25519SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Our own signing keys (Ed25519) in a directory readable by the server's user only (see {@link KeyFiles}): the
 * newest key not retired signs our requests; a rotation retires it and its public key stays published for the
 * configured overlap, so that a CRVS still verifies what it signed. Key ids follow the DCI form
 * {@code {our sender_id}|{key id}|ed25519}, the same in the cavage {@code kidId}, in a JWS {@code kid} and in
 * our JWKS.
 *
 * <p>Private keys never leave the store: only {@link #signingKey()} loads one, into this process, to sign; the
 * JWKS and {@link #list()} carry public data only. The directory is read on every call, so a rotation made by
 * the command line while the server runs takes effect at once. Thread-safe (writes are atomic file moves).
 */
public final class OwnKeyStore {

    private static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Duration overlap;
    private final InstantSource clock;

    private OwnKeyStore(Path directory, Duration overlap, InstantSource clock) {
        this.directory = directory;
        this.overlap = overlap;
        this.clock = clock;
    }

    /**
     * Opens (creating it when missing, mode 0700) the key store.
     *
     * @param overlap how long a rotated-out public key stays published
     * @throws KeyStoreException when the directory is accessible to other users or cannot be created
     */
    public static OwnKeyStore open(Path directory, Duration overlap, InstantSource clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(overlap, "overlap");
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("the key overlap must not be negative");
        }
        KeyFiles.prepareDirectory(directory);
        return new OwnKeyStore(directory, overlap, Objects.requireNonNull(clock, "clock"));
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }

    /**
     * Generates the first signing key.
     *
     * @param senderId our DCI {@code sender_id}, the first part of the key id
     * @throws KeyStoreException when a signing key exists already (rotate instead)
     */
    public synchronized StoredKey generate(String senderId) {
        if (active(KeyFiles.readAll(directory)) != null) {
            throw new KeyStoreException("a signing key exists already; use rotate to replace it");
        }
        return add(senderId, clock.instant());
    }

    /**
     * Replaces the signing key by a new one; the old public key stays published for the overlap. Keys whose
     * overlap has ended are deleted (their private part is of no more use). With no signing key yet, it simply
     * generates one.
     */
    public synchronized StoredKey rotate(String senderId) {
        Instant now = clock.instant();
        checkSenderId(senderId);
        List<KeyFiles.KeyFile> all = KeyFiles.readAll(directory);
        KeyFiles.KeyFile current = active(all);
        StoredKey added = add(senderId, now);
        if (current != null) {
            KeyFiles.replace(directory, fileName(current.kid()), new KeyFiles.KeyFile(current.kid(),
                    current.createdAt(), now, current.seed()));
        }
        for (KeyFiles.KeyFile f : all) {
            if (describe(f, now).status() == StoredKey.Status.EXPIRED) {
                KeyFiles.delete(directory, fileName(f.kid()));
            }
        }
        return added;
    }

    /** Every key, newest first, with its status now; public data only. */
    public List<StoredKey> list() {
        Instant now = clock.instant();
        List<StoredKey> out = new ArrayList<>();
        for (KeyFiles.KeyFile f : sorted(KeyFiles.readAll(directory))) {
            out.add(describe(f, now));
        }
        return out;
    }

    /**
     * The key to sign with.
     *
     * @throws KeyStoreException when there is none ({@code crvs keys generate} creates one)
     */
    public Ed25519SigningKey signingKey() {
        KeyFiles.KeyFile f = active(KeyFiles.readAll(directory));
        if (f == null) {
            throw new KeyStoreException("no signing key in " + directory + ": run 'crvs keys generate'");
        }
        return new Ed25519SigningKey(f.kid(), f.seed());
    }

    /** Our JWKS: the signing key and every retired key still within its overlap. Empty keys when none. */
    public String publishedJwks() {
        Instant now = clock.instant();
        List<String> jwks = new ArrayList<>();
        for (KeyFiles.KeyFile f : sorted(KeyFiles.readAll(directory))) {
            if (describe(f, now).published()) {
                jwks.add(new Ed25519SigningKey(f.kid(), f.seed()).publicJwk());
            }
        }
        return "{\"keys\":[" + String.join(",", jwks) + "]}";
    }

    private StoredKey add(String senderId, Instant now) {
        checkSenderId(senderId);
        String keyId = "key-" + KEY_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)) + "-"
                + HexFormat.of().formatHex(randomBytes());
        String kid = senderId + "|" + keyId + "|ed25519";
        Ed25519SigningKey key = Ed25519SigningKey.generate(kid);
        KeyFiles.create(directory, fileName(kid), new KeyFiles.KeyFile(kid, now, null, key.seed()));
        return new StoredKey(kid, now, null, null, StoredKey.Status.ACTIVE);
    }

    private StoredKey describe(KeyFiles.KeyFile f, Instant now) {
        if (f.retiredAt() == null) {
            return new StoredKey(f.kid(), f.createdAt(), null, null, StoredKey.Status.ACTIVE);
        }
        Instant until = f.retiredAt().plus(overlap);
        return new StoredKey(f.kid(), f.createdAt(), f.retiredAt(), until,
                now.isBefore(until) ? StoredKey.Status.RETIRED : StoredKey.Status.EXPIRED);
    }

    /** The newest key not retired (an older one left unretired by an interrupted rotation is ignored). */
    private static KeyFiles.KeyFile active(List<KeyFiles.KeyFile> all) {
        return sorted(all).stream().filter(f -> f.retiredAt() == null).findFirst().orElse(null);
    }

    private static List<KeyFiles.KeyFile> sorted(List<KeyFiles.KeyFile> all) {
        List<KeyFiles.KeyFile> copy = new ArrayList<>(all);
        copy.sort(Comparator.comparing(KeyFiles.KeyFile::createdAt).thenComparing(KeyFiles.KeyFile::kid).reversed());
        return copy;
    }

    private static String fileName(String kid) {
        String keyId = kid.split("\\|", -1)[1];
        return keyId + KeyFiles.SUFFIX;
    }

    private static void checkSenderId(String senderId) {
        if (senderId == null || !SENDER_ID.matcher(senderId).matches()) {
            throw new IllegalArgumentException("our sender id (dci.sender-id) must be 1 to 200 letters, digits or"
                    + " . _ - : / to make key ids; got " + (senderId == null || senderId.isBlank() ? "nothing"
                    : "\"" + senderId + "\""));
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return b;
    }

    @Override
    public String toString() {
        return "OwnKeyStore[" + directory + ", overlap " + overlap + "]";
    }
}
