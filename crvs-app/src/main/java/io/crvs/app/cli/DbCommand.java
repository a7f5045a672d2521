package io.crvs.app.cli;

import io.crvs.app.Components;
import picocli.CommandLine.Command;

/** {@code crvs db migrate}: bring the schema up to date and exit. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.",
        subcommands = DbCommand.Migrate.class)
public final class DbCommand {

    private DbCommand() {
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending schema migrations.")
    static final class Migrate extends OfflineCommand {
        @Override
        void run(Components c) {
            out().println("schema up to date: " + c.database().readiness().detail());
        }
    }
}
