package io.crvs.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crvs keys generate|rotate|list} on a key store in a temporary directory (no database needed). */
class KeysCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        Path config = dir.resolve("crvs.properties");
        Files.writeString(config, "keys.dir=" + dir.resolve("keys") + "\nkeys.overlap=P3D\n"
                + "dci.sender-id=registry.cli.example\n");
        CommandLine cl = CrvsCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void generateRotateList_keepTheOldKeyPublishedForTheOverlap() throws Exception {
        Run generated = run("keys", "generate");
        Run refused = run("keys", "generate");
        Run rotated = run("keys", "rotate");
        Run listed = run("keys", "list");

        assertThat(generated.code()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("generated signing key registry.cli.example|key-");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("use rotate");
        assertThat(rotated.code()).isZero();
        assertThat(rotated.out()).contains("new signing key registry.cli.example|key-", "still published until");
        assertThat(listed.out().lines().filter(l -> l.startsWith("active"))).hasSize(1);
        assertThat(listed.out().lines().filter(l -> l.startsWith("retired"))).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir.resolve("keys"))) {
            assertThat(files.toList()).hasSize(2).allSatisfy(f -> assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        }
    }

    @Test
    void aKeyStoreOthersCanRead_isRefusedWithTheFix() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        Files.setPosixFilePermissions(dir.resolve("keys"), PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = run("keys", "list");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("chmod 700");
    }

    @Test
    void aBadSenderId_isAUsageError() throws Exception {
        Run r = run("keys", "generate", "--sender-id", "has spaces");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("sender id");
    }
}
