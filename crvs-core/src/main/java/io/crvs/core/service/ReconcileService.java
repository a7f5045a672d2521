package io.crvs.core.service;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.ReconcileReport;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.SearchAnswer;
import io.crvs.core.domain.SearchResponse;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.port.in.ReconcileUseCase;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsRegistryClient;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.PartnerRepository;
import io.crvs.core.port.out.Transactions;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Use case implementation: walks the registry's persons with a UIN in id order, one batch per request (one search
 * item per UIN), and stores each batch's missing events ({@link MissingEvents}) with the CRVS's verified answer as
 * the message's raw body, source {@code reconcile}, in one unit of work. Reads and network calls run outside any
 * unit of work. Event reference ids are derived from (type, date, UIN), so a re-run finds them already queued.
 */
public final class ReconcileService implements ReconcileUseCase {

    static final String AUDIT_ACTION = "reconcile";

    private final PartnerRepository partners;
    private final CrvsRegistryClient client;
    private final EventStore events;
    private final Transactions transactions;
    private final InstantSource clock;
    private final Supplier<String> ids;

    /** @param ids new unique ids (one per run), e.g. random UUIDs */
    @Inject
    public ReconcileService(PartnerRepository partners, CrvsRegistryClient client, EventStore events,
                            Transactions transactions, InstantSource clock, Supplier<String> ids) {
        this.partners = Objects.requireNonNull(partners, "partners");
        this.client = Objects.requireNonNull(client, "client");
        this.events = Objects.requireNonNull(events, "events");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public ReconcileReport reconcile(ReconcileCommand command, Consumer<ReconcileReport> progress) {
        Objects.requireNonNull(progress, "progress");
        String crvs = CrvsChoice.resolve(client.crvsIds(), command.crvsId());
        String run = ids.get();
        audit(command.actor(), "run " + run + " against " + crvs + " started");
        ReconcileReport report = ReconcileReport.start(crvs);
        List<RegistryPerson> batch = next(null, command.batchSize());
        for (int n = 1; !batch.isEmpty(); n++) {
            try {
                report = reconcileBatch(crvs, run, n, batch, report);
            } catch (CrvsCallException e) {
                report = report.stopped(e.failure().name().toLowerCase(java.util.Locale.ROOT) + ": "
                        + e.getMessage());
                progress.accept(report);
                audit(command.actor(), "run " + run + " stopped: " + summary(report));
                return report;
            }
            progress.accept(report);
            batch = next(batch.get(batch.size() - 1), command.batchSize());
        }
        report = report.done();
        audit(command.actor(), "run " + run + " finished: " + summary(report));
        return report;
    }

    private List<RegistryPerson> next(RegistryPerson last, int size) {
        return transactions.inTransaction(() -> partners.findWithIdentifierType(IdentifierType.UIN,
                last == null ? null : last.id(), size));
    }

    private ReconcileReport reconcileBatch(String crvs, String run, int n, List<RegistryPerson> persons,
                                           ReconcileReport report) {
        List<Identifier> uins = new ArrayList<>();
        List<RegistryPerson> owners = new ArrayList<>();
        for (RegistryPerson p : persons) {
            p.identifiers().stream().filter(i -> i.type().equals(IdentifierType.UIN)).forEach(uin -> {
                uins.add(uin);
                owners.add(p);
            });
        }
        SearchResponse response = client.search(crvs, uins.stream().map(CrvsSearch::byIdentifier).toList());
        List<NewVitalEvent> items = new ArrayList<>();
        int records = 0;
        int refused = 0;
        for (int k = 0; k < uins.size(); k++) {
            SearchAnswer answer = response.answers().get(k);
            if (answer instanceof SearchAnswer.Refused) {
                refused++;
                continue;
            }
            List<CrvsPersonRecord> found = ((SearchAnswer.Answered) answer).result().records();
            records += found.size();
            for (MissingEvents.Missing m : MissingEvents.of(owners.get(k), found)) {
                items.add(ReconcileEvents.event(items.size(), run, uins.get(k), m));
            }
        }
        int queued = 0;
        int already = 0;
        if (!items.isEmpty()) {
            ReceivedMessage message = new ReceivedMessage(crvs, "reconcile-" + run + "-" + n, AUDIT_ACTION, null,
                    run, response.profile(), response.rawBody(), clock.instant());
            StoreResult result = transactions.inTransaction(() -> events.store(message, items,
                    EventStore.SOURCE_RECONCILE));
            for (StoreResult.StoredItem item : ((StoreResult.Stored) result).events()) {
                if (item.duplicate()) {
                    already++;
                } else {
                    queued++;
                }
            }
        }
        return report.plus(persons.size(), records, queued, already, refused);
    }

    private void audit(String actor, String what) {
        transactions.run(() -> events.audit(new AuditEntry(null, AUDIT_ACTION, null, null, actor, what,
                clock.instant())));
    }

    private static String summary(ReconcileReport r) {
        return r.personsChecked() + " persons checked, " + r.recordsReceived() + " records, " + r.eventsQueued()
                + " events queued, " + r.alreadyQueued() + " already queued, " + r.refusedSearches()
                + " searches refused" + (r.failure() == null ? "" : "; " + r.failure());
    }
}
