package io.crvs.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad arguments get a clear message and exit code 2, before anything is started. */
class CliArgumentsTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = CrvsCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void noCommand_explainsWhatToRun() {
        Run r = run();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("missing command");
    }

    @Test
    void unknownCommand_isAUsageError() {
        Run r = run("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
    }

    @Test
    void help_listsTheCommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("serve", "demo", "senders", "events", "users", "db", "keys", "verify-birth",
                "check-death", "subscriptions", "reconcile");
    }

    @Test
    void badOptionValue_isAUsageError() {
        Run r = run("serve", "--port", "eighty");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--port");
    }

    @Test
    void badConfiguration_isAUsageErrorNamingTheSetting() {
        Run r = run("serve", "--port", "70000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("port must be between 0 and 65535");
    }

    @Test
    void portInUse_isReportedAtOnceByName() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Run r = run("serve", "--port", Integer.toString(busy.getLocalPort()), "--data-dir", "target/never-used");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + busy.getLocalPort());
            assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("target/never-used")))
                    .as("nothing started").isFalse();
        }
    }

    @Test
    void missingRequiredOption_isAUsageError() {
        Run r = run("senders", "add", "--id", "crvs.example.gov");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--profile");
    }

    @Test
    void badEventId_isAUsageError() {
        Run r = run("events", "show", "abc");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("abc");
    }

    @Test
    void outboundCommands_needTheirArguments() {
        assertThat(run("verify-birth").code()).isEqualTo(2);
        assertThat(run("check-death").code()).isEqualTo(2);
        Run add = run("subscriptions", "add");
        assertThat(add.code()).isEqualTo(2);
        assertThat(add.err()).contains("--event-type");
        assertThat(run("subscriptions", "remove").code()).isEqualTo(2);
        assertThat(run("reconcile", "--batch-size", "many").code()).isEqualTo(2);
    }
}
