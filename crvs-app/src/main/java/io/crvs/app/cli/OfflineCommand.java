package io.crvs.app.cli;

import io.crvs.app.Components;
import java.io.PrintWriter;
import java.time.InstantSource;
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
        try (Components c = Components.open(options.load(), InstantSource.system())) {
            run(c);
        }
    }

    abstract void run(Components c);
}
