package io.crvs.app.cli;

import picocli.CommandLine.Command;

/** {@code crvs users …}: API tokens for the admin API (filled in with the admin API). */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage admin API users and tokens.")
public final class UsersCommand {
}
