package io.crvs.http.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The key store's files: one JSON document per key ({@code kid}, {@code created_at}, {@code retired_at},
 * {@code seed}, the 32-byte Ed25519 private key in base64url), in a directory only its owner may enter (0700),
 * each file only its owner may read (0600). Files are written to a temporary file created with those permissions,
 * then moved into place atomically, so a reader never sees half a key and the key is never readable by others,
 * not even for an instant. On file systems without POSIX permissions (Windows) the checks are skipped.
 */
final class KeyFiles {

    static final String SUFFIX = ".key.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** One key as stored. */
    record KeyFile(String kid, Instant createdAt, Instant retiredAt, byte[] seed) {
    }

    private KeyFiles() {
    }

    /** Creates the directory (0700) if missing; refuses one that others may read. */
    static void prepareDirectory(Path dir) {
        try {
            if (!Files.exists(dir)) {
                if (posix(dir.toAbsolutePath().getParent())) {
                    Files.createDirectories(dir, attribute(OWNER_DIR));
                    Files.setPosixFilePermissions(dir, OWNER_DIR); // against a umask that would widen it
                } else {
                    Files.createDirectories(dir);
                }
            }
            if (!Files.isDirectory(dir)) {
                throw new KeyStoreException("key store " + dir + " is not a directory");
            }
            requirePrivate(dir, "directory", "700");
        } catch (IOException e) {
            throw new KeyStoreException("cannot create the key store directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Every key file of the directory, each checked to be private. */
    static List<KeyFile> readAll(Path dir) {
        List<KeyFile> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()::iterator) {
                requirePrivate(f, "file", "600");
                keys.add(read(f));
            }
        } catch (IOException e) {
            throw new KeyStoreException("cannot read the key store " + dir + ": " + e.getMessage(), e);
        }
        return keys;
    }

    /** Writes a new key file; refuses to overwrite an existing one. */
    static void create(Path dir, String fileName, KeyFile key) {
        Path target = dir.resolve(fileName);
        if (Files.exists(target)) {
            throw new KeyStoreException("key file " + target + " already exists");
        }
        write(target, key);
    }

    /** Replaces a key file (a retirement). */
    static void replace(Path dir, String fileName, KeyFile key) {
        write(dir.resolve(fileName), key);
    }

    /** Removes a key file (an expired key's private part is of no more use). */
    static void delete(Path dir, String fileName) {
        try {
            Files.deleteIfExists(dir.resolve(fileName));
        } catch (IOException e) {
            throw new KeyStoreException("cannot delete key file " + dir.resolve(fileName) + ": " + e.getMessage(), e);
        }
    }

    private static KeyFile read(Path f) throws IOException {
        JsonNode o;
        try {
            o = JSON.readTree(Files.readAllBytes(f));
            String kid = o.get("kid").asText();
            Instant created = Instant.parse(o.get("created_at").asText());
            JsonNode retired = o.get("retired_at");
            byte[] seed = Base64.getUrlDecoder().decode(o.get("seed").asText());
            return new KeyFile(kid, created, retired == null || retired.isNull() ? null
                    : Instant.parse(retired.asText()), seed);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KeyStoreException("key file " + f + " is damaged (not a key store document)");
        }
    }

    private static void write(Path target, KeyFile key) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kid", key.kid());
        o.put("alg", "EdDSA");
        o.put("created_at", key.createdAt().toString());
        if (key.retiredAt() == null) {
            o.putNull("retired_at");
        } else {
            o.put("retired_at", key.retiredAt().toString());
        }
        o.put("seed", Base64.getUrlEncoder().withoutPadding().encodeToString(key.seed()));
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            if (posix(dir)) {
                Files.createFile(temp, attribute(OWNER_FILE));
                Files.setPosixFilePermissions(temp, OWNER_FILE);
            } else {
                Files.createFile(temp);
            }
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
                out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new KeyStoreException("another process is writing " + target + " right now", e);
        } catch (IOException e) {
            throw new KeyStoreException("cannot write key file " + target + ": " + e.getMessage(), e);
        }
    }

    private static void requirePrivate(Path p, String what, String mode) throws IOException {
        if (!posix(p)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        if (perms.stream().anyMatch(OTHERS::contains)) {
            throw new KeyStoreException("key store " + what + " " + p + " is accessible to other users ("
                    + PosixFilePermissions.toString(perms) + "); private keys must be readable by the server's"
                    + " user only: chmod " + mode + " " + p);
        }
    }

    private static boolean posix(Path p) {
        return p != null && Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class)
                != null;
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }
}
