package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.NewVitalEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one standard DCI {@code notify_event} item ({@code {reference_id, timestamp, data:{reg_event_type,
 * reg_records}, locale}}, reference §6.1) into vital events.
 *
 * <p>{@code reg_records} is normally one object. When a sender sends a list, each record becomes its own event
 * (they share the item's event type and {@code rawItem}); so that the store's (sender, reference id) idempotency
 * keeps them apart, the k-th record's reference id is {@code <reference_id>#k} (0-based) and its
 * {@code record_index} attribute is k. A one-element list is read as the single object. Errors name the item's
 * position in {@code notify_event} and the field.
 */
final class NotifyItemReader {

    static final String SHAPE = "dci";

    private NotifyItemReader() {
    }

    /**
     * @param item       the item
     * @param position   its position in {@code notify_event} (for error messages)
     * @param firstIndex the item index of its first event (events are numbered across the whole message)
     */
    static List<NewVitalEvent> read(JsonNode item, int position, int firstIndex) {
        JsonFields.Problem problem = (field, what) -> EnvelopeFormatException.item(position, field, what);
        if (item == null || !item.isObject()) {
            throw problem.at("the item", "must be a JSON object");
        }
        JsonNode data = JsonFields.member(item, "data");
        if (data == null || !data.isObject()) {
            throw problem.at("data", data == null ? "is missing" : "must be a JSON object");
        }
        String referenceId = JsonFields.nonBlankText(JsonFields.member(item, "reference_id"), "reference_id", problem);
        EventTypes.Read type = EventTypes.fromData(data, "data", problem);
        List<JsonNode> records = records(JsonFields.member(data, "reg_records"), problem);
        boolean several = records.size() > 1;
        String rawItem = RawJson.write(item);
        List<NewVitalEvent> events = new ArrayList<>(records.size());
        for (int k = 0; k < records.size(); k++) {
            String path = several ? "data.reg_records[" + k + "]" : "data.reg_records";
            CrvsPersonRecord person = PersonRecordReader.read(records.get(k), path, problem);
            String ref = several && referenceId != null ? referenceId + "#" + k : referenceId;
            if (ref != null && ref.length() > NewVitalEvent.MAX_REFERENCE_ID_LENGTH) {
                throw problem.at("reference_id", "is longer than " + NewVitalEvent.MAX_REFERENCE_ID_LENGTH
                        + " characters");
            }
            Map<String, String> attributes = attributes(item, problem);
            if (several) {
                attributes.put("record_index", Integer.toString(k));
            }
            events.add(new NewVitalEvent(firstIndex + k, ref, type.type(), type.spelling(),
                    EventDates.of(type.type(), person), person, rawItem, attributes));
        }
        return events;
    }

    private static List<JsonNode> records(JsonNode regRecords, JsonFields.Problem problem) {
        if (regRecords == null) {
            throw problem.at("data.reg_records", "is missing");
        }
        if (regRecords.isArray() && regRecords.isEmpty()) {
            throw problem.at("data.reg_records", "is an empty list");
        }
        if (!regRecords.isArray() && !regRecords.isObject()) {
            throw problem.at("data.reg_records", "must be a JSON object");
        }
        return JsonFields.elements(regRecords);
    }

    private static Map<String, String> attributes(JsonNode item, JsonFields.Problem problem) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("shape", SHAPE);
        for (String field : new String[] {"locale", "timestamp"}) {
            String value = JsonFields.nonBlankText(JsonFields.member(item, field), field, problem);
            if (value != null) {
                attributes.put(field, SafeText.clean(value, 64));
            }
        }
        return attributes;
    }
}
