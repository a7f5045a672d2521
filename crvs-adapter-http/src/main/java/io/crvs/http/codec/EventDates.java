package io.crvs.http.codec;

import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.VitalEventType;
import java.time.LocalDate;

/**
 * Which person-record date is an event's date (a DCI notify item has no event-date field of its own): birth →
 * {@code birth_date}, death and fetal death → {@code death_date}, marriage → {@code marriage_date}, divorce →
 * {@code divorce_date}. Other kinds have none.
 */
final class EventDates {

    private EventDates() {
    }

    static LocalDate of(VitalEventType type, CrvsPersonRecord person) {
        switch (type) {
            case BIRTH:
                return person.birthDate();
            case DEATH:
            case FETAL_DEATH:
                return person.deathDate();
            case MARRIAGE:
                return person.marriageDate();
            case DIVORCE:
                return person.divorceDate();
            default:
                return null;
        }
    }
}
