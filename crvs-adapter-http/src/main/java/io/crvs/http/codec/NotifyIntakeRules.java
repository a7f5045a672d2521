package io.crvs.http.codec;

import io.crvs.core.domain.NewVitalEvent;
import java.util.List;

/**
 * What the receiver refuses at intake although the codec could read it: an event whose person record carries no
 * identifier at all can never be matched to a registry person, so it is refused at once (400) instead of being
 * stored and retried for days.
 */
public final class NotifyIntakeRules {

    private NotifyIntakeRules() {
    }

    /**
     * @throws EnvelopeFormatException naming the first item without any identifier
     */
    public static List<NewVitalEvent> check(List<NewVitalEvent> events) {
        for (NewVitalEvent e : events) {
            if (e.identifiers().isEmpty()) {
                throw new EnvelopeFormatException(EnvelopeFormatException.INVALID_MESSAGE,
                        "notify_event[" + e.itemIndex() + "]: the person record has no identifier (BRN, DRN, MRN,"
                                + " UIN or another)");
            }
        }
        return events;
    }
}
