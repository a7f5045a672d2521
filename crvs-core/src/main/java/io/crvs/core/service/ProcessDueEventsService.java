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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Use case implementation: claims due events, then processes each in its own unit of work (match, handler,
 * person update, outcome), so one bad event never holds back the others. A failure rolls back that event's work
 * and is recorded in a second unit of work; if even that fails the lease simply expires and the event comes back.
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
        List<VitalEvent> claimed = transactions.inTransaction(() -> events.claimDue(max, lease, clock.instant()));
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
        Optional<VitalEventHandler> handler = handlers.handlerFor(event.type());
        if (handler.isEmpty()) {
            events.complete(event.lease(), ProcessingOutcome.UNSUPPORTED, null, now);
            return ProcessingOutcome.UNSUPPORTED;
        }
        PersonMatch match = handlers.matcher().match(event, partners);
        if (match instanceof PersonMatch.None) {
            throw new FailedProcessing(new Failure(new EventError(ErrorCodes.NO_MATCH,
                    "no registry person carries any of the event's identifiers"), true, null));
        }
        if (match instanceof PersonMatch.Many many) {
            throw new FailedProcessing(new Failure(new EventError(ErrorCodes.AMBIGUOUS_MATCH,
                    many.candidates().size() + " registry persons match: " + many.candidates()), false, null));
        }
        RegistryPerson person = ((PersonMatch.One) match).person();
        HandlerDecision decision = handler.get().apply(event, person);
        ProcessingOutcome outcome;
        if (decision instanceof HandlerDecision.Apply a) {
            partners.update(a.person());
            outcome = ProcessingOutcome.APPLIED;
        } else if (decision instanceof HandlerDecision.NoChange n) {
            outcome = n.outcome();
        } else {
            HandlerDecision.Reject r = (HandlerDecision.Reject) decision;
            throw new FailedProcessing(new Failure(r.error(), r.retryable(), person.id()));
        }
        events.complete(event.lease(), outcome, person.id(), now);
        return outcome;
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
