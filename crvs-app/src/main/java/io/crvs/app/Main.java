package io.crvs.app;

import io.crvs.app.cli.CrvsCommand;
import picocli.CommandLine;

/** Entry point of the fat jar: {@code java -jar crvs.jar <command>}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Undertow and XNIO log through JBoss Logging: send them to SLF4J like everything else.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 failure, 2 bad arguments). */
    public static int run(String... args) {
        return CrvsCommand.commandLine().execute(args);
    }
}
