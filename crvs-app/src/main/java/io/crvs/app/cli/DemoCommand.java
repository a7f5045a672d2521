package io.crvs.app.cli;

import io.crvs.app.CrvsApplication;
import io.crvs.app.config.CrvsConfig;
import io.crvs.app.config.Setting;
import io.crvs.app.demo.DemoReport;
import io.crvs.app.demo.DemoScenario;
import io.crvs.core.domain.ApiUser;
import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.Role;
import io.crvs.http.admin.ApiTokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crvs demo}: the whole product on the embedded PostgreSQL, fed by a stand-in CRVS with real signatures,
 * ending with a readable summary. Uses its own data directory (emptied at each run), never the server's.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run an end-to-end demo on an embedded PostgreSQL and print what happened.")
public final class DemoCommand implements Runnable {

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--port"}, defaultValue = "0",
            description = "HTTP port of the demo receiver (default: any free port)")
    int port;

    @Option(names = "--demo-dir", defaultValue = "crvs-data/demo",
            description = "data directory of the demo database, emptied at each run (default ${DEFAULT-VALUE})")
    Path demoDir;

    @Option(names = "--keep-running",
            description = "keep the receiver running after the summary (Ctrl-C to stop), to explore /api and /metrics")
    boolean keepRunning;

    @Option(names = "--timeout", defaultValue = "PT60S", description = "how long to wait for processing")
    Duration timeout;

    @Override
    public void run() {
        wipe(demoDir);
        Map<Setting, String> o = new EnumMap<>(Setting.class);
        o.put(Setting.DB_URL, "");
        o.put(Setting.DB_DATA_DIR, demoDir.resolve("postgres").toString());
        o.put(Setting.KEYS_DIR, demoDir.resolve("keys").toString());
        o.put(Setting.HTTP_PORT, Integer.toString(port));
        o.put(Setting.RETRY_INITIAL, "PT1S");
        o.put(Setting.RETRY_MAX, "PT2S");
        o.put(Setting.WORKERS_POLL, "PT0.1S");
        if (System.getenv(Setting.LOG_LEVEL.env()) == null) {
            o.put(Setting.LOG_LEVEL, "warn");
        }
        CrvsConfig config = options.load(o);
        spec.commandLine().getOut().println("Starting the CRVS receiver demo (embedded PostgreSQL in " + demoDir
                + ") …");
        spec.commandLine().getOut().flush();
        CrvsApplication app = CrvsApplication.start(config, InstantSource.system());
        try {
            DemoScenario.Result result = new DemoScenario(app, timeout).run(keepRunning);
            DemoReport.print(result, spec.commandLine().getOut());
            if (!result.settled()) {
                throw new CliException("not every event was processed within " + timeout, 1);
            }
            if (keepRunning) {
                printConsoleAccess(app, spec.commandLine().getOut());
                spec.commandLine().getOut().println("Receiver still running at http://127.0.0.1:" + app.port()
                        + " (/registry/notify, /api, /metrics, /ready). Ctrl-C to stop.");
                spec.commandLine().getOut().flush();
                Shutdown.closeOnExitAndWait(app);
                return;
            }
        } finally {
            if (!keepRunning) {
                app.close();
            }
        }
    }

    /** Creates a demo admin and a demo user and prints their tokens and the console's address. */
    static void printConsoleAccess(CrvsApplication app, PrintWriter out) {
        out.println();
        out.println("== Admin console: http://127.0.0.1:" + app.port() + "/console/");
        for (Role role : List.of(Role.ADMIN, Role.USER)) {
            String name = "demo-" + role.code();
            String token = ApiTokens.generate();
            Instant now = Instant.now();
            app.components().users().save(new ApiUser(name, role, ApiTokens.hash(token), now, true));
            app.components().events().audit(new AuditEntry(null, "user_save", null, null, "demo",
                    "user " + name + " as " + role.code(), now));
            out.printf("  sign in as %-10s (%-5s) with token %s%n", name, role.code(), token);
        }
        out.println();
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new CliException("cannot empty the demo directory " + dir + ": " + e.getMessage(), 1);
        }
    }
}
