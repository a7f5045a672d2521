package io.crvs.core.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code notify_event} item, read from a verified notification, before it is stored.
 *
 * @param itemIndex        position of the item in the message (0-based); the idempotency key when the sender
 *                         omits {@code referenceId}
 * @param referenceId      the item's {@code reference_id}, or {@code null} (the OpenSPP flat shape has none);
 *                         at most 256 characters
 * @param type             the normalised event type
 * @param rawEventType     the event type as sent
 * @param eventDate        the event's calendar date, or {@code null} when the record has none
 * @param person           the person record as sent
 * @param rawItem          the item's JSON as received (for operators), never {@code null}
 * @param customAttributes extra facts an adapter or handler wants kept; never {@code null}
 */
public record NewVitalEvent(int itemIndex, String referenceId, VitalEventType type, String rawEventType,
                            LocalDate eventDate, CrvsPersonRecord person, String rawItem,
                            Map<String, String> customAttributes) {
    public static final int MAX_REFERENCE_ID_LENGTH = 256;

    public NewVitalEvent {
        if (itemIndex < 0) {
            throw new InvalidInputException("item index must not be negative");
        }
        if (referenceId != null && (referenceId.isEmpty() || referenceId.length() > MAX_REFERENCE_ID_LENGTH)) {
            throw new InvalidInputException("reference_id must have 1 to " + MAX_REFERENCE_ID_LENGTH + " characters");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(rawItem, "rawItem");
        customAttributes = Map.copyOf(Objects.requireNonNull(customAttributes, "customAttributes"));
    }

    /** The event's identifiers (those of its person record). */
    public List<Identifier> identifiers() {
        return person.identifiers();
    }
}
