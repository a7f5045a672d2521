package io.crvs.app.cli;

import io.crvs.app.Components;
import io.crvs.app.Outbound;
import io.crvs.app.config.CrvsConfig;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.Identifier;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Shared parts of the commands that call a CRVS: the configuration, the database (like the other offline
 * commands: with the embedded PostgreSQL, run them while the server is stopped, or use the admin API) and the
 * outbound client, which does not take callbacks here.
 */
abstract class OutboundCommand implements Runnable {

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--crvs", paramLabel = "SENDER_ID",
            description = "the CRVS to ask (default: the only one configured in outbound.file)")
    String crvs;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public void run() {
        CrvsConfig config = options.load();
        try (Components c = Components.open(config, InstantSource.system())) {
            run(Outbound.forCommandLine(config, c), config);
        }
    }

    abstract void run(Outbound outbound, CrvsConfig config);

    /** {@code TYPE:VALUE}, or a bare value taken as {@code defaultType}. */
    static Identifier identifier(String text, String defaultType) {
        return text.indexOf(':') > 0 ? EventsCommand.parseIdentifier(text) : Identifier.of(defaultType, text);
    }

    void printRecord(CrvsPersonRecord r) {
        out().println("  identifiers:    " + r.identifiers().stream().map(i -> i.type() + ":" + i.value())
                .collect(Collectors.joining(", ")));
        out().println("  name:           " + (r.name() == null ? "" : r.name().fullName()));
        out().println("  sex:            " + (r.sex() == null ? "" : r.sex().name().toLowerCase(java.util.Locale.ROOT)));
        out().println("  birth date:     " + (r.birthDate() == null ? "" : r.birthDate()));
        out().println("  death date:     " + (r.deathDate() == null ? "" : r.deathDate()));
        out().println("  marital status: " + (r.maritalStatus() == null ? "" : r.maritalStatus().code())
                + (r.marriageDate() == null ? "" : ", married " + r.marriageDate())
                + (r.divorceDate() == null ? "" : ", divorced " + r.divorceDate()));
    }
}
