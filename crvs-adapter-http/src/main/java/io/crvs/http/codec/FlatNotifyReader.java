package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.NewVitalEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the OpenSPP flat notify shape ({@code message = {event_type, event_date, identifiers:[{type, value}],
 * person}}, openspp-crvs §9.1) into one vital event (item index 0, no reference id).
 *
 * <p>Unlike OpenSPP itself, which keeps only {@code identifiers[0]}, every identifier is used: those of
 * {@code message.identifiers} in order, then any of {@code person.identifier} not already listed. The event date
 * is {@code message.event_date}, or when absent the person's date for the event type. The person's other fields
 * are read as a CRVSPerson record.
 */
final class FlatNotifyReader {

    static final String SHAPE = "openspp-flat";

    private FlatNotifyReader() {
    }

    static NewVitalEvent read(JsonNode message) {
        JsonFields.Problem problem = (field, what) -> new EnvelopeFormatException(
                EnvelopeFormatException.INVALID_ITEM, "message." + field + " " + what);
        String spelling = JsonFields.nonBlankText(JsonFields.member(message, "event_type"), "event_type", problem);
        if (spelling == null) {
            throw problem.at("event_type", "is missing");
        }
        EventTypes.Read type = EventTypes.normalize(spelling, "event_type", problem);
        JsonNode personNode = JsonFields.member(message, "person");
        CrvsPersonRecord fromPerson = personNode == null ? CrvsPersonRecord.ofIdentifiers(List.of())
                : PersonRecordReader.read(personNode, "person", problem);
        String idField = JsonFields.firstPresent(message, "identifiers", "identifier");
        Set<Identifier> identifiers = new LinkedHashSet<>(idField == null ? List.of()
                : IdentifierReader.readAll(JsonFields.member(message, idField), idField, problem));
        identifiers.addAll(fromPerson.identifiers());
        CrvsPersonRecord person = new CrvsPersonRecord(new ArrayList<>(identifiers), fromPerson.name(),
                fromPerson.sex(), fromPerson.birthDate(), fromPerson.deathDate(), fromPerson.maritalStatus(),
                fromPerson.marriageDate(), fromPerson.divorceDate(), fromPerson.parentIdentifiers());
        LocalDate eventDate = DateReader.read(JsonFields.member(message, "event_date"), "event_date", problem);
        if (eventDate == null) {
            eventDate = EventDates.of(type.type(), person);
        }
        String referenceId = JsonFields.nonBlankText(JsonFields.member(message, "reference_id"), "reference_id",
                problem);
        if (referenceId != null && referenceId.length() > NewVitalEvent.MAX_REFERENCE_ID_LENGTH) {
            throw problem.at("reference_id", "is longer than " + NewVitalEvent.MAX_REFERENCE_ID_LENGTH + " characters");
        }
        return new NewVitalEvent(0, referenceId, type.type(), type.spelling(), eventDate, person,
                RawJson.write(message), Map.of("shape", SHAPE));
    }
}
