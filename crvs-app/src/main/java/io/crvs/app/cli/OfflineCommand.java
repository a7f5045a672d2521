package io.crvs.app.cli;

import io.crvs.app.Components;
import io.crvs.app.config.Setting;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that work on the database directly (no server): opens the components, runs, closes them.
 * With the embedded database the server must be stopped (one process per data directory).
 */
abstract class OfflineCommand implements Runnable {
    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public void run() {
        // an operator's one-off command: quiet unless a log level was asked for
        Map<Setting, String> quiet = System.getenv(Setting.LOG_LEVEL.env()) == null
                ? Map.of(Setting.LOG_LEVEL, "warn") : Map.of();
        Components c = Components.open(options.load(quiet), InstantSource.system());
        // interrupted (Ctrl-C): still stop the embedded database cleanly
        Thread onExit = new Thread(c::close, "crvs-cli-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            run(c);
        } finally {
            Runtime.getRuntime().removeShutdownHook(onExit);
            c.close();
        }
    }

    abstract void run(Components c);
}
