package io.crvs.core.domain;

import java.time.Instant;

/**
 * Criteria for listing events; every {@code null} criterion matches everything.
 *
 * @param state         only events in this state
 * @param type          only events of this type
 * @param senderId      only events from this sender
 * @param receivedFrom  received at or after (inclusive)
 * @param receivedTo    received before (exclusive)
 * @param identifier    only events whose person record carries this identifier
 * @param matchedPerson only events applied to this registry person
 */
public record EventFilter(EventState state, VitalEventType type, String senderId, Instant receivedFrom,
                          Instant receivedTo, Identifier identifier, PersonId matchedPerson) {

    public static EventFilter all() {
        return new EventFilter(null, null, null, null, null, null, null);
    }

    public EventFilter withState(EventState s) {
        return new EventFilter(s, type, senderId, receivedFrom, receivedTo, identifier, matchedPerson);
    }

    public EventFilter withType(VitalEventType t) {
        return new EventFilter(state, t, senderId, receivedFrom, receivedTo, identifier, matchedPerson);
    }

    public EventFilter withSender(String s) {
        return new EventFilter(state, type, s, receivedFrom, receivedTo, identifier, matchedPerson);
    }

    public EventFilter withReceivedBetween(Instant from, Instant to) {
        return new EventFilter(state, type, senderId, from, to, identifier, matchedPerson);
    }

    public EventFilter withIdentifier(Identifier i) {
        return new EventFilter(state, type, senderId, receivedFrom, receivedTo, i, matchedPerson);
    }

    public EventFilter withMatchedPerson(PersonId p) {
        return new EventFilter(state, type, senderId, receivedFrom, receivedTo, identifier, p);
    }

    /** Whether an event meets every criterion (the reference semantics every store must follow). */
    public boolean matches(VitalEvent e) {
        return (state == null || e.state() == state)
                && (type == null || e.type() == type)
                && (senderId == null || e.senderId().equals(senderId))
                && (receivedFrom == null || !e.receivedAt().isBefore(receivedFrom))
                && (receivedTo == null || e.receivedAt().isBefore(receivedTo))
                && (identifier == null || e.identifiers().contains(identifier))
                && (matchedPerson == null || matchedPerson.equals(e.matchedPerson()));
    }
}
