package io.crvs.core.service;

import io.crvs.core.domain.ErrorCodes;
import io.crvs.core.domain.EventError;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.PersonMatch;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.RetryPolicy;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.in.ProcessDueEventsUseCase;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.IdentifierConflictException;
import io.crvs.core.port.out.LeaseLostException;
import io.crvs.core.port.out.PartnerRepository;
import io.crvs.core.port.out.ProcessingObserver;
import io.crvs.core.port.out.StaleVersionException;
import io.crvs.core.port.out.Transactions;
import io.crvs.core.spi.HandlerDecision;
import io.crvs.core.spi.HandlerRegistry;
import io.crvs.core.spi.VitalEventHandler;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Use case implementation: claims due events, then processes each in its own unit of work (match, handler,
 * person update, outcome), so one bad event never holds back the others. A failure rolls back that event's work
 * and is recorded in a second unit of work; if even that fails the lease simply expires and the event comes back.
 *
 * <p>First, though, the due events are tried together in one unit of work - locked rather than claimed when the
 * store can ({@link EventStore#lockDue}), the registry read once and the writes made together: a few statements
 * for the whole batch instead of about ten per event. When that cannot give every event the outcome it would get
 * alone, it is rolled back and the events are claimed and processed one by one as above.
 */
public final class ProcessDueEventsService implements ProcessDueEventsUseCase {

    private final EventStore events;
    private final PartnerRepository partners;
    private final Transactions transactions;
    private final HandlerRegistry handlers;
    private final RetryPolicy retryPolicy;
    private final Duration lease;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final ProcessingObserver observer;

    @Inject
    public ProcessDueEventsService(EventStore events, PartnerRepository partners, Transactions transactions,
                                   HandlerRegistry handlers, RetryPolicy retryPolicy, Duration lease,
                                   InstantSource clock, RandomGenerator random, ProcessingObserver observer) {
        this.events = Objects.requireNonNull(events, "events");
        this.partners = Objects.requireNonNull(partners, "partners");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public ProcessingReport processDue(int max) {
        Locked locked = processLocked(max);
        if (locked.report != null) {
            return locked.report;
        }
        List<VitalEvent> claimed = transactions.inTransaction(() -> events.claimDue(max, lease, clock.instant()));
        if (claimed.size() > 1 && !locked.failed) {
            Optional<ProcessingReport> together = processTogether(claimed);
            if (together.isPresent()) {
                return together.get();
            }
        }
        int processed = 0;
        int failed = 0;
        for (VitalEvent event : claimed) {
            if (processOne(event)) {
                processed++;
            } else {
                failed++;
            }
        }
        return new ProcessingReport(claimed.size(), processed, failed);
    }

    /** How the locked fast path went: a report, or nothing due or lockable, or a batch that was rolled back. */
    private record Locked(ProcessingReport report, boolean failed) {
    }

    /**
     * The fast path: due events locked ({@link EventStore#lockDue}), decided and written in one unit of work: the
     * registry read once for all of them ({@link BatchPartners}), the person updates written together and each
     * event written once, claimed and completed or failed ({@link EventStore#settleAll}). A business failure (no
     * match, ambiguous match, a handler's rejection) is decided before anything is written for its event. Anything
     * else (a lookup the batch's read cannot answer, an identifier conflict, a stale version, a failing handler or
     * store) rolls the unit back - nothing was claimed - and the events are then claimed and processed one by one.
     */
    private Locked processLocked(int max) {
        long started = System.nanoTime(); // elapsed time for metrics only: monotonic, not the business clock
        List<Settled> settled;
        try {
            settled = transactions.inTransaction(() -> {
                Instant now = clock.instant();
                List<VitalEvent> locked = events.lockDue(max, now);
                if (locked.isEmpty()) {
                    return null;
                }
                List<VitalEvent> claimed = locked.stream().map(e -> e.claim(now, lease)).toList();
                List<Decision> decisions = decideAll(claimed);
                List<EventStore.Settlement> settlements = new ArrayList<>(locked.size());
                List<Settled> result = new ArrayList<>(locked.size());
                for (int i = 0; i < locked.size(); i++) {
                    Decision d = decisions.get(i);
                    Instant retryAt = null;
                    if (d.failure == null) {
                        settlements.add(EventStore.Settlement.completed(locked.get(i), d.outcome, d.person));
                    } else {
                        retryAt = retryPolicy.nextAttempt(claimed.get(i), d.failure.error.code(),
                                d.failure.retryable, now, random);
                        settlements.add(EventStore.Settlement.failed(locked.get(i), d.failure.error, retryAt,
                                d.failure.person));
                    }
                    result.add(new Settled(claimed.get(i), d, retryAt));
                }
                events.settleAll(settlements, lease, now);
                return result;
            });
        } catch (RuntimeException e) {
            return new Locked(null, true);
        }
        return new Locked(settled == null ? null : report(settled, started), false);
    }

    /**
     * The fast path for events already claimed (a store that cannot lock): all of them in one unit of work, the
     * registry read once and the writes made together; a business failure is recorded in the same unit of work, as
     * {@link #recordFailure} would. Anything else rolls the whole unit back and returns empty: the events are then
     * processed one by one ({@link #processOne}), each ending exactly as it would have alone.
     */
    private Optional<ProcessingReport> processTogether(List<VitalEvent> claimed) {
        long started = System.nanoTime();
        List<Settled> settled;
        try {
            settled = transactions.inTransaction(() -> {
                Instant now = clock.instant();
                List<Decision> decisions = decideAll(claimed);
                List<EventStore.Completion> completions = new ArrayList<>(claimed.size());
                for (int i = 0; i < claimed.size(); i++) {
                    Decision d = decisions.get(i);
                    if (d.failure == null) {
                        completions.add(new EventStore.Completion(claimed.get(i).lease(), d.outcome, d.person));
                    }
                }
                events.completeAll(completions, now);
                List<Settled> result = new ArrayList<>(claimed.size());
                for (int i = 0; i < claimed.size(); i++) {
                    VitalEvent event = claimed.get(i);
                    Failure f = decisions.get(i).failure;
                    Instant retryAt = null;
                    if (f != null) {
                        retryAt = retryPolicy.nextAttempt(event, f.error.code(), f.retryable, now, random);
                        events.fail(event.lease(), f.error, retryAt, f.person, now);
                    }
                    result.add(new Settled(event, decisions.get(i), retryAt));
                }
                return result;
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(report(settled, started));
    }

    /**
     * Decides the claimed events in order against the registry read once for all of them, each seeing the person
     * updates decided before it, and writes those updates together.
     */
    private List<Decision> decideAll(List<VitalEvent> claimed) {
        BatchPartners registry = BatchPartners.read(partners, claimed);
        List<Decision> decisions = new ArrayList<>(claimed.size());
        for (VitalEvent event : claimed) {
            Decision d = decide(event, registry);
            if (d.failure == null && d.update != null) {
                registry.update(d.update);
            }
            decisions.add(d);
        }
        partners.updateAll(registry.updates());
        return decisions;
    }

    /** Tells the observer about each event of a committed batch and counts them. */
    private ProcessingReport report(List<Settled> settled, long started) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int processed = 0;
        for (Settled s : settled) {
            if (s.decision.failure == null) {
                observer.processed(s.event, s.decision.outcome, took);
                processed++;
            } else {
                observer.failed(s.event, s.decision.failure.error, s.retryAt != null, took);
            }
        }
        return new ProcessingReport(settled.size(), processed, settled.size() - processed);
    }

    /** How one event of a batch ended: its decision and, when it failed, when it will be retried. */
    private record Settled(VitalEvent event, Decision decision, Instant retryAt) {
    }

    /** Returns true when the event ended processed. */
    private boolean processOne(VitalEvent event) {
        long started = System.nanoTime(); // elapsed time for metrics only: monotonic, not the business clock
        Failure failure;
        try {
            ProcessingOutcome outcome = transactions.inTransaction(() -> apply(event));
            observer.processed(event, outcome, Duration.ofNanos(System.nanoTime() - started));
            return true;
        } catch (FailedProcessing f) {
            failure = f.failure;
        } catch (StaleVersionException e) {
            failure = new Failure(new EventError(ErrorCodes.CONCURRENT_UPDATE,
                    "the person changed while the event was applied"), true, null);
        } catch (IdentifierConflictException e) {
            failure = new Failure(new EventError(ErrorCodes.IDENTIFIER_CONFLICT, e.getMessage()), false, null);
        } catch (LeaseLostException e) {
            return false;
        } catch (RuntimeException e) {
            failure = new Failure(new EventError(ErrorCodes.HANDLER_FAILURE, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())), true, null);
        }
        recordFailure(event, failure, started);
        return false;
    }

    private ProcessingOutcome apply(VitalEvent event) {
        Instant now = clock.instant();
        Decision d = decide(event, partners);
        if (d.failure != null) {
            throw new FailedProcessing(d.failure);
        }
        if (d.update != null) {
            partners.update(d.update);
        }
        events.complete(event.lease(), d.outcome, d.person, now);
        return d.outcome;
    }

    /**
     * What the rules decide for one event, before anything is written: match the person, ask the handler.
     *
     * @param registry where persons are looked up (the repository, or a batch's view of it)
     */
    private Decision decide(VitalEvent event, PartnerRepository registry) {
        Optional<VitalEventHandler> handler = handlers.handlerFor(event.type());
        if (handler.isEmpty()) {
            return new Decision(ProcessingOutcome.UNSUPPORTED, null, null, null);
        }
        PersonMatch match = handlers.matcher().match(event, registry);
        if (match instanceof PersonMatch.None) {
            return Decision.failed(new Failure(new EventError(ErrorCodes.NO_MATCH,
                    "no registry person carries any of the event's identifiers"), true, null));
        }
        if (match instanceof PersonMatch.Many many) {
            return Decision.failed(new Failure(new EventError(ErrorCodes.AMBIGUOUS_MATCH,
                    many.candidates().size() + " registry persons match: " + many.candidates()), false, null));
        }
        RegistryPerson person = ((PersonMatch.One) match).person();
        HandlerDecision decision = handler.get().apply(event, person);
        if (decision instanceof HandlerDecision.Apply a) {
            return new Decision(ProcessingOutcome.APPLIED, a.person(), person.id(), null);
        }
        if (decision instanceof HandlerDecision.NoChange n) {
            return new Decision(n.outcome(), null, person.id(), null);
        }
        HandlerDecision.Reject r = (HandlerDecision.Reject) decision;
        return Decision.failed(new Failure(r.error(), r.retryable(), person.id()));
    }

    private void recordFailure(VitalEvent event, Failure failure, long started) {
        Instant now = clock.instant();
        Instant retryAt = retryPolicy.nextAttempt(event, failure.error.code(), failure.retryable, now, random);
        try {
            transactions.run(() -> events.fail(event.lease(), failure.error, retryAt, failure.person, now));
            observer.failed(event, failure.error, retryAt != null, Duration.ofNanos(System.nanoTime() - started));
        } catch (LeaseLostException e) {
            // someone else holds the event now; their outcome wins
        }
    }

    private record Failure(EventError error, boolean retryable, PersonId person) {
    }

    /**
     * The rules' decision for one event: completed with {@code outcome} against {@code person} (after writing
     * {@code update} when not {@code null}), or {@code failure}.
     */
    private record Decision(ProcessingOutcome outcome, RegistryPerson update, PersonId person, Failure failure) {
        static Decision failed(Failure failure) {
            return new Decision(null, null, failure.person, failure);
        }
    }

    /** Carries a business failure out of the unit of work so that its changes roll back. */
    private static final class FailedProcessing extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Failure failure;

        FailedProcessing(Failure failure) {
            super(failure.error.code(), null, false, false);
            this.failure = failure;
        }
    }
}
