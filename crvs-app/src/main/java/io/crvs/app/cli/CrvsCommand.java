package io.crvs.app.cli;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.SubscriptionConflictException;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.StoreUnavailableException;
import io.crvs.core.port.out.SubscriptionNotFoundException;
import io.crvs.http.keystore.KeyStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crvs} command and its sub-commands. */
@Command(name = "crvs", mixinStandardHelpOptions = true, version = "crvs-receiver 0.1.0",
        description = "CRVS Receiver: receives signed DCI vital-event notifications and applies them to the registry.",
        subcommands = {ServeCommand.class, DemoCommand.class, SendersCommand.class, EventsCommand.class,
                UsersCommand.class, PersonsCommand.class, DbCommand.class, KeysCommand.class,
                VerifyBirthCommand.class, CheckDeathCommand.class, SubscriptionsCommand.class,
                ReconcileCommandLine.class, CommandLine.HelpCommand.class})
public final class CrvsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'crvs demo' or 'crvs serve'");
    }

    /** The configured command line: bad values exit 2 with a one-line message, failures exit 1 without a trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CrvsCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidInputException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            if (e instanceof StoreUnavailableException) {
                commandLine.getErr().println("error: database unavailable: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
                return CommandLine.ExitCode.SOFTWARE;
            }
            if (e instanceof CrvsCallException || e instanceof KeyStoreException
                    || e instanceof SubscriptionNotFoundException || e instanceof SubscriptionConflictException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return CommandLine.ExitCode.SOFTWARE;
            }
            if (e instanceof IllegalStateException && e.getMessage() != null) {
                commandLine.getErr().println("error: " + e.getMessage()); // e.g. the database is in use
                return CommandLine.ExitCode.SOFTWARE;
            }
            if (e instanceof CliException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ((CliException) e).exitCode();
            }
            commandLine.getErr().println("error: " + e);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }
}
