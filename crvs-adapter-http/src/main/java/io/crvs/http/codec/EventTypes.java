package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.EventTypeNormalizer;
import io.crvs.core.domain.VitalEventType;
import java.util.Optional;

/**
 * Reads an item's event type: {@code data.reg_event_type} in every spelling {@link EventTypeNormalizer} knows,
 * or, when that is absent, an OpenCRVS-style {@code data.reg_type} such as {@code ocrvs:registry_type:birth}.
 * Never guesses: an unknown spelling is an error that quotes it (short and sanitised; it is not personal data).
 */
final class EventTypes {

    /** The normalised type and the spelling it was read from. */
    record Read(VitalEventType type, String spelling) {
    }

    private EventTypes() {
    }

    static Read fromData(JsonNode data, String prefix, JsonFields.Problem problem) {
        String field = prefix + ".reg_event_type";
        String spelling = JsonFields.nonBlankText(JsonFields.member(data, "reg_event_type"), field, problem);
        if (spelling != null) {
            return normalize(spelling, field, problem);
        }
        String regType = JsonFields.nonBlankText(JsonFields.member(data, "reg_type"), prefix + ".reg_type", problem);
        Optional<VitalEventType> fromRegType = EventTypeNormalizer.tryNormalize(regType);
        if (fromRegType.isPresent()) {
            return new Read(fromRegType.get(), regType);
        }
        throw problem.at(field, regType == null ? "is missing"
                : "is missing and " + prefix + ".reg_type " + SafeText.quote(regType) + " names no event type");
    }

    static Read normalize(String spelling, String field, JsonFields.Problem problem) {
        return EventTypeNormalizer.tryNormalize(spelling).map(t -> new Read(t, spelling))
                .orElseThrow(() -> problem.at(field, "is not a known event type: " + SafeText.quote(spelling)));
    }
}
