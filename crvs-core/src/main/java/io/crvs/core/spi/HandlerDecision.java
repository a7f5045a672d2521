package io.crvs.core.spi;

import io.crvs.core.domain.EventError;
import io.crvs.core.domain.ProcessingOutcome;
import io.crvs.core.domain.RegistryPerson;
import java.util.Objects;

/** A handler's decision for one event and person. */
public sealed interface HandlerDecision {

    /** Store {@code person} (a changed copy of the matched person) and record the event as applied. */
    record Apply(RegistryPerson person) implements HandlerDecision {
        public Apply {
            Objects.requireNonNull(person, "person");
        }
    }

    /** Change nothing and record the event as processed with this outcome (already applied, superseded). */
    record NoChange(ProcessingOutcome outcome) implements HandlerDecision {
        public NoChange {
            Objects.requireNonNull(outcome, "outcome");
            if (outcome == ProcessingOutcome.APPLIED) {
                throw new IllegalArgumentException("NoChange cannot have outcome applied");
            }
        }
    }

    /** Change nothing and put the event in error; {@code retryable} lets the retry policy try again later. */
    record Reject(EventError error, boolean retryable) implements HandlerDecision {
        public Reject {
            Objects.requireNonNull(error, "error");
        }
    }

    static HandlerDecision apply(RegistryPerson person) {
        return new Apply(person);
    }

    static HandlerDecision noChange(ProcessingOutcome outcome) {
        return new NoChange(outcome);
    }

    static HandlerDecision reject(String code, String message) {
        return new Reject(new EventError(code, message), false);
    }
}
