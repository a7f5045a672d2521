package io.crvs.http.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Test helper: the shared interop folder (system property {@code crvs.interop.dir}, else ../../shared/interop). */
public final class InteropFolder {

    private InteropFolder() {
    }

    /** The folder; fails the test when it is missing. */
    public static Path root() {
        Path dir = Path.of(System.getProperty("crvs.interop.dir", "../../shared/interop"));
        assertThat(dir.resolve("vectors.json")).as("interop folder (set -Dcrvs.interop.dir)").isRegularFile();
        return dir;
    }

    /** The bytes of a file relative to the folder. */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text (UTF-8) of a file relative to the folder. */
    public static String text(String relative) {
        return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
