package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.NewVitalEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Codec entry point for a notify {@code message}: turns it into the vital events to store, in item order.
 *
 * <p>Two shapes are accepted: the standard DCI shape, {@code message.notify_event} as a list or a single object
 * (see {@link NotifyItemReader}), and the OpenSPP flat shape with {@code message.event_type} (see
 * {@link FlatNotifyReader}). The whole message is read before anything is stored: one bad item rejects the
 * message, so a sender never gets a partial store.
 */
public final class NotifyMessageReader {

    private NotifyMessageReader() {
    }

    /**
     * @param message the envelope's {@code message} member; may be {@code null} (absent), which is an error
     * @return the events, item indexes 0…n-1
     * @throws EnvelopeFormatException when the message or one of its items cannot be read; the message names the
     *                                 item and field at fault
     */
    public static List<NewVitalEvent> read(JsonNode message) {
        if (message == null || !message.isObject()) {
            throw new EnvelopeFormatException(EnvelopeFormatException.INVALID_MESSAGE,
                    message == null || message.isNull() ? "the envelope has no message"
                            : "message must be a JSON object");
        }
        JsonNode items = JsonFields.member(message, "notify_event");
        if (items == null) {
            if (JsonFields.member(message, "event_type") != null) {
                return List.of(FlatNotifyReader.read(message));
            }
            throw new EnvelopeFormatException(EnvelopeFormatException.INVALID_MESSAGE,
                    "message.notify_event is missing (nor is it the OpenSPP flat shape with event_type)");
        }
        List<JsonNode> list = JsonFields.elements(items);
        if (list.isEmpty()) {
            throw new EnvelopeFormatException(EnvelopeFormatException.INVALID_MESSAGE,
                    "message.notify_event is empty");
        }
        List<NewVitalEvent> events = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            events.addAll(NotifyItemReader.read(list.get(i), i, events.size()));
        }
        return events;
    }
}
