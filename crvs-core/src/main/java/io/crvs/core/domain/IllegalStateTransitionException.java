package io.crvs.core.domain;

/** Thrown when an event is asked to move along a transition its current state does not allow. */
public final class IllegalStateTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final EventState from;
    private final EventState.Transition transition;

    public IllegalStateTransitionException(EventState from, EventState.Transition transition) {
        super("cannot " + transition.name().toLowerCase(java.util.Locale.ROOT) + " an event in state " + from.code());
        this.from = from;
        this.transition = transition;
    }

    public EventState from() {
        return from;
    }

    public EventState.Transition transition() {
        return transition;
    }
}
