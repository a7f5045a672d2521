package io.crvs.app.cli;

import io.crvs.app.Outbound;
import io.crvs.app.config.CrvsConfig;
import io.crvs.core.domain.ReconcileReport;
import io.crvs.core.port.in.ReconcileUseCase.ReconcileCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crvs reconcile}: asks the CRVS, in batches, about every registry person with a UIN and queues the deaths
 * and civil-status changes the registry lacks (source {@code reconcile}); a running server's workers apply them.
 * Prints progress after every batch.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Find deaths and civil-status changes the CRVS has but the registry lacks, and queue them.")
public final class ReconcileCommandLine extends OutboundCommand {

    @Option(names = "--batch-size", description = "persons per request (default: reconcile.batch-size)")
    Integer batchSize;

    @Option(names = "--actor", defaultValue = "${sys:user.name}", description = "who (default: your login)")
    String actor;

    @Override
    void run(Outbound outbound, CrvsConfig config) {
        int batch = batchSize != null ? batchSize : config.outbound().reconcileBatch();
        ReconcileReport r = outbound.reconcile().reconcile(new ReconcileCommand(crvs, batch, actor), p -> {
            out().println("checked " + p.personsChecked() + " persons, " + p.recordsReceived() + " records, "
                    + p.eventsQueued() + " events queued");
            out().flush();
        });
        out().println((r.finished() ? "finished: " : "stopped: ") + r.personsChecked() + " persons checked, "
                + r.eventsQueued() + " events queued, " + r.alreadyQueued() + " already queued, "
                + r.refusedSearches() + " searches refused by the CRVS");
        if (!r.finished()) {
            throw new CliException("reconciliation stopped early: " + r.failure(), 1);
        }
    }
}
