package io.crvs.app.cli;

import io.crvs.app.Components;
import io.crvs.core.domain.ApiUser;
import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.Role;
import io.crvs.http.admin.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crvs users …}: the admin API's users and their bearer tokens (only hashes are stored). */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage admin API users and tokens.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Deactivate.class})
public final class UsersCommand {

    private UsersCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a user (or give an existing one a new token and role); prints the token once.")
    static final class Add extends OfflineCommand {
        @Parameters(paramLabel = "NAME", description = "login name (letters, digits, . _ - @)")
        String name;

        @Option(names = "--role", required = true, description = "admin or user")
        String role;

        @Override
        public void run() {
            Role.parse(role); // a bad role is a usage error before the database starts
            super.run();
        }

        @Override
        void run(Components c) {
            Role r = Role.parse(role);
            String token = ApiTokens.generate();
            c.users().save(new ApiUser(name, r, ApiTokens.hash(token), c.clock().instant(), true));
            c.events().audit(new AuditEntry(null, "user_save", null, null, "cli", "user " + name + " as " + r.code(),
                    c.clock().instant()));
            out().println("user " + name + " (" + r.code() + ") saved. Token (shown once, keep it secret):");
            out().println(token);
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "Refuse a user's token from now on (the user stays listed; `users add` gives a new token).")
    static final class Deactivate extends OfflineCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        void run(Components c) {
            ApiUser u = c.users().list().stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> new CliException("no user " + name, 1));
            c.users().save(new ApiUser(u.name(), u.role(), u.tokenHash(), u.createdAt(), false));
            c.events().audit(new AuditEntry(null, "user_deactivate", null, null, "cli", "user " + name,
                    c.clock().instant()));
            out().println("user " + name + " deactivated");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users (never their tokens).")
    static final class ListUsers extends OfflineCommand {
        @Override
        void run(Components c) {
            out().printf("%-32s %-6s %-7s %s%n", "NAME", "ROLE", "ACTIVE", "CREATED");
            for (ApiUser u : c.users().list()) {
                out().printf("%-32s %-6s %-7s %s%n", u.name(), u.role().code(), u.active(), u.createdAt());
            }
        }
    }
}
