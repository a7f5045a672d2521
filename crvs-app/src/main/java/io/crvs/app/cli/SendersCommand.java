package io.crvs.app.cli;

import io.crvs.app.Components;
import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.http.keys.JwksKeyFetcher;
import io.crvs.http.keys.KeyFetchSummary;
import io.crvs.http.keys.KeySettings;
import io.crvs.http.keys.KeySummary;
import io.crvs.http.keys.SenderKeyCache;
import java.util.LinkedHashSet;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crvs senders …}: the registry of CRVS systems allowed to send us messages. */
@Command(name = "senders", mixinStandardHelpOptions = true, description = "Manage the CRVS senders we accept.",
        subcommands = {SendersCommand.Add.class, SendersCommand.ListSenders.class, SendersCommand.Show.class,
                SendersCommand.FetchKeys.class, SendersCommand.Deactivate.class})
public final class SendersCommand {

    static final String CLI_ACTOR = "cli";

    /** Shared parts of the sub-commands. */
    abstract static class Base extends OfflineCommand {

        Sender require(Components c, String id) {
            return c.senders().find(id).orElseThrow(() -> new CliException("no sender " + id, 1));
        }

        static void audit(Components c, String action, String senderId) {
            c.events().audit(new AuditEntry(null, action, null, null, CLI_ACTOR, "sender " + senderId,
                    c.clock().instant()));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a CRVS sender.")
    static final class Add extends Base {
        @Option(names = "--id", required = true, description = "its header.sender_id, e.g. crvs.example.gov")
        String id;

        @Option(names = "--name", description = "display name")
        String name;

        @Option(names = "--jwks-url", description = "where it publishes its public keys (JWKS)")
        String jwksUrl;

        @Option(names = "--profile", required = true,
                description = "signature profile: dci-cavage-ed25519, jws-compact, jws-detached-header or none")
        String profile;

        @Option(names = "--alg", split = ",", description = "allowed algorithms, e.g. RS256,ES256 (default: the profile's)")
        List<String> algorithms = List.of();

        @Override
        void run(Components c) {
            if (c.senders().find(id).isPresent()) {
                throw new CliException("sender " + id + " already exists", 1);
            }
            Sender s = c.senders().save(Sender.register(id, name, jwksUrl, SignatureProfile.parse(profile),
                    new LinkedHashSet<>(algorithms)));
            audit(c, "sender_create", id);
            out().println("registered sender " + s.senderId() + " (" + s.profile().code() + ")");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered senders.")
    static final class ListSenders extends Base {
        @Override
        void run(Components c) {
            out().printf("%-32s %-20s %-7s %-22s %s%n", "SENDER", "PROFILE", "ACTIVE", "KEYS FETCHED", "JWKS URL");
            for (Sender s : c.senders().list()) {
                out().printf("%-32s %-20s %-7s %-22s %s%n", s.senderId(), s.profile().code(), s.active(),
                        s.keys() == null ? "never" : s.keys().fetchedAt().toString(), s.jwksUrl());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one sender.")
    static final class Show extends Base {
        @Parameters(paramLabel = "SENDER_ID")
        String id;

        @Override
        void run(Components c) {
            Sender s = require(c, id);
            out().println("sender:       " + s.senderId());
            out().println("name:         " + s.name());
            out().println("profile:      " + s.profile().code());
            out().println("algorithms:   " + (s.allowedAlgorithms().isEmpty() ? "(profile default)"
                    : String.join(",", new java.util.TreeSet<>(s.allowedAlgorithms()))));
            out().println("active:       " + s.active());
            out().println("JWKS URL:     " + s.jwksUrl());
            out().println("keys fetched: " + (s.keys() == null ? "never" : s.keys().fetchedAt()));
            out().println("last attempt: " + (s.lastKeyFetch() == null ? "never" : s.lastKeyFetch())
                    + (s.lastKeyFetchError() == null ? "" : " (failed: " + s.lastKeyFetchError() + ")"));
            out().println("notes:        " + (s.notes() == null ? "" : s.notes()));
        }
    }

    @Command(name = "fetch-keys", mixinStandardHelpOptions = true,
            description = "Fetch the sender's public keys from its JWKS URL now and store them.")
    static final class FetchKeys extends Base {
        @Parameters(paramLabel = "SENDER_ID")
        String id;

        @Override
        void run(Components c) {
            Sender s = require(c, id);
            if (s.jwksUrl() == null) {
                throw new CliException("sender " + id + " has no JWKS URL", 1);
            }
            KeySettings settings = KeySettings.defaults();
            SenderKeyCache cache = new SenderKeyCache(new JwksKeyFetcher(settings, c.clock()), c.senders(), settings,
                    c.clock(), Runnable::run);
            KeyFetchSummary summary;
            try {
                summary = cache.fetchNow(s);
            } catch (RuntimeException e) {
                throw new CliException("could not fetch keys of " + id + ": " + e.getMessage(), 1);
            }
            audit(c, "sender_fetch_keys", id);
            out().println("fetched " + summary.keys().size() + " usable keys from " + summary.sourceUrl() + " at "
                    + summary.fetchedAt());
            for (KeySummary k : summary.keys()) {
                out().printf("  kid=%s kty=%s alg=%s use=%s%n", k.kid(), k.kty(), k.alg(), k.use());
            }
            for (String skipped : summary.skipped()) {
                out().println("  skipped: " + skipped);
            }
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "Stop accepting messages from a sender (its data stays).")
    static final class Deactivate extends Base {
        @Parameters(paramLabel = "SENDER_ID")
        String id;

        @Override
        void run(Components c) {
            Sender s = require(c, id);
            c.senders().save(s.withActive(false));
            audit(c, "sender_deactivate", id);
            out().println("sender " + id + " deactivated");
        }
    }

    private SendersCommand() {
    }

}
