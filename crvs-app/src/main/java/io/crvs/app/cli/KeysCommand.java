package io.crvs.app.cli;

import io.crvs.app.config.CrvsConfig;
import io.crvs.http.keystore.OwnKeyStore;
import io.crvs.http.keystore.StoredKey;
import java.io.PrintWriter;
import java.time.InstantSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crvs keys …}: our own signing keys, in the key store directory ({@code keys.dir}, readable by the
 * server's user only). Works with the server running: the server reads the store at each request, so a rotation
 * takes effect at once and the old public key stays published for {@code keys.overlap}.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage our signing keys (published at /.well-known/jwks.json).",
        subcommands = {KeysCommand.Generate.class, KeysCommand.Rotate.class, KeysCommand.ListKeys.class})
public final class KeysCommand {

    private KeysCommand() {
    }

    /** Shared parts of the sub-commands. */
    abstract static class Base implements Runnable {
        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Option(names = "--sender-id", description = "our DCI sender id (default: the dci.sender-id setting)")
        String senderId;

        @Override
        public void run() {
            CrvsConfig config = options.load();
            OwnKeyStore store = OwnKeyStore.open(config.outbound().keysDir(), config.outbound().keyOverlap(),
                    InstantSource.system());
            run(store, senderId != null ? senderId : config.outbound().senderId(), spec.commandLine().getOut());
        }

        abstract void run(OwnKeyStore store, String sender, PrintWriter out);

        static String requireSender(String sender) {
            if (sender == null || sender.isBlank()) {
                throw new CliException("our sender id is needed to name the key: set dci.sender-id"
                        + " (CRVS_DCI_SENDER_ID) or pass --sender-id", 2);
            }
            return sender;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Create the first signing key (refused when one exists: use rotate).")
    static final class Generate extends Base {
        @Override
        void run(OwnKeyStore store, String sender, PrintWriter out) {
            StoredKey key = store.generate(requireSender(sender));
            out.println("generated signing key " + key.kid() + " in " + store.directory());
            out.println("its public key is published at /.well-known/jwks.json while the server runs");
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Replace the signing key; the old public key stays published for keys.overlap.")
    static final class Rotate extends Base {
        @Override
        void run(OwnKeyStore store, String sender, PrintWriter out) {
            StoredKey key = store.rotate(requireSender(sender));
            out.println("new signing key " + key.kid());
            for (StoredKey k : store.list()) {
                if (k.status() == StoredKey.Status.RETIRED) {
                    out.println("  still published until " + k.publishedUntil() + ": " + k.kid());
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List our keys (public data only).")
    static final class ListKeys extends Base {
        @Override
        void run(OwnKeyStore store, String sender, PrintWriter out) {
            out.printf("%-8s %-22s %-22s %s%n", "STATUS", "CREATED", "PUBLISHED UNTIL", "KEY ID");
            for (StoredKey k : store.list()) {
                out.printf("%-8s %-22s %-22s %s%n", k.status().code(), k.createdAt(),
                        k.status() == StoredKey.Status.ACTIVE ? "(signing key)" : k.publishedUntil(), k.kid());
            }
        }
    }
}
