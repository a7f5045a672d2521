package io.crvs.jooq;

import static io.crvs.jooq.generated.Tables.VITAL_EVENT;
import static io.crvs.jooq.generated.Tables.VITAL_EVENT_IDENTIFIER;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectOne;

import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Persistence adapter part: the {@code WHERE} clauses of event queries. Criteria values are bound as parameters;
 * only the constant states of the queue predicates are inlined, so that PostgreSQL can match them against the
 * partial indexes {@code vital_event_due_idx} and {@code vital_event_lease_idx} (a bound parameter cannot prove
 * the index predicate).
 */
final class EventConditions {

    private EventConditions() {
    }

    /** Events a worker may claim at {@code now} (see {@code VitalEvent.isDue}). */
    static Condition dueAt(Instant now) {
        return VITAL_EVENT.STATE.in(inline(EventState.RECEIVED.code()), inline(EventState.ERROR.code()))
                .and(VITAL_EVENT.NEXT_ATTEMPT_AT.isNotNull())
                .and(VITAL_EVENT.NEXT_ATTEMPT_AT.le(now));
    }

    /** Events being processed whose lease ended before {@code now}. */
    static Condition leaseExpiredBefore(Instant now) {
        return VITAL_EVENT.STATE.eq(inline(EventState.PROCESSING.code())).and(VITAL_EVENT.LEASE_UNTIL.lt(now));
    }

    /** The SQL form of {@link EventFilter#matches}. */
    static Condition matching(EventFilter filter) {
        if (TextGuard.hasNul(filter.senderId())
                || filter.identifier() != null && TextGuard.hasNul(filter.identifier().value())) {
            return DSL.falseCondition();
        }
        List<Condition> c = new ArrayList<>();
        if (filter.state() != null) {
            c.add(VITAL_EVENT.STATE.eq(filter.state().code()));
        }
        if (filter.type() != null) {
            c.add(VITAL_EVENT.EVENT_TYPE.eq(filter.type().name()));
        }
        if (filter.senderId() != null) {
            c.add(VITAL_EVENT.SENDER_ID.eq(filter.senderId()));
        }
        if (filter.receivedFrom() != null) {
            c.add(VITAL_EVENT.RECEIVED_AT.ge(filter.receivedFrom()));
        }
        if (filter.receivedTo() != null) {
            c.add(VITAL_EVENT.RECEIVED_AT.lt(filter.receivedTo()));
        }
        if (filter.identifier() != null) {
            c.add(DSL.exists(selectOne().from(VITAL_EVENT_IDENTIFIER).where(
                    VITAL_EVENT_IDENTIFIER.EVENT_ID.eq(VITAL_EVENT.ID),
                    VITAL_EVENT_IDENTIFIER.TYPE.eq(filter.identifier().type().code()),
                    VITAL_EVENT_IDENTIFIER.VALUE.eq(filter.identifier().value()))));
        }
        if (filter.matchedPerson() != null) {
            c.add(VITAL_EVENT.MATCHED_PERSON_ID.eq(filter.matchedPerson().value()));
        }
        return DSL.and(c);
    }
}
