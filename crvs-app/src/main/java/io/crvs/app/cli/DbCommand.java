package io.crvs.app.cli;

import io.crvs.app.Components;
import java.time.InstantSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crvs db migrate}: bring the schema up to date and exit. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.",
        subcommands = DbCommand.Migrate.class)
public final class DbCommand {

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending schema migrations.")
    static final class Migrate implements Runnable {
        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Components c = Components.open(options.load(), InstantSource.system())) {
                spec.commandLine().getOut().println("schema up to date: " + c.database().readiness().detail());
            }
        }
    }
}
