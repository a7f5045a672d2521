package io.crvs.core.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps every event-type spelling seen in DCI sources to one {@link VitalEventType}.
 *
 * <p>Accepted: the code list ({@code live_birth}, {@code fetal_death}), the JSON-LD enum ({@code LiveBirth}),
 * prefixed API examples ({@code spdci-common:RegistryEventType:LiveBirth}), OpenSPP constants ({@code BIRTH},
 * {@code REGISTER}, {@code UPDATE}), OpenCRVS registry types ({@code ocrvs:registry_type:birth}) and the 2023
 * draft list (including its {@code seperation} typo). The rule: take the part after the last {@code :}, drop
 * {@code _}, {@code -} and spaces, compare case-insensitively. Anything else is an
 * {@link UnknownEventTypeException}: never a guess.
 */
public final class EventTypeNormalizer {

    private static final Map<String, VitalEventType> SPELLINGS = Map.ofEntries(
            Map.entry("livebirth", VitalEventType.BIRTH),
            Map.entry("birth", VitalEventType.BIRTH),
            Map.entry("death", VitalEventType.DEATH),
            Map.entry("marriage", VitalEventType.MARRIAGE),
            Map.entry("divorce", VitalEventType.DIVORCE),
            Map.entry("fetaldeath", VitalEventType.FETAL_DEATH),
            Map.entry("stillbirth", VitalEventType.FETAL_DEATH),
            Map.entry("adoption", VitalEventType.ADOPTION),
            Map.entry("annulment", VitalEventType.ANNULMENT),
            Map.entry("separation", VitalEventType.SEPARATION),
            Map.entry("seperation", VitalEventType.SEPARATION),
            Map.entry("legalseparation", VitalEventType.SEPARATION),
            Map.entry("demographicchange", VitalEventType.DEMOGRAPHIC_CHANGE),
            Map.entry("register", VitalEventType.REGISTRATION),
            Map.entry("registration", VitalEventType.REGISTRATION),
            Map.entry("update", VitalEventType.UPDATE),
            Map.entry("unregister", VitalEventType.UNREGISTER));

    private EventTypeNormalizer() {
    }

    /**
     * Normalises a wire spelling.
     *
     * @param spelling the value as sent; must not be {@code null}
     * @return the event type
     * @throws UnknownEventTypeException when the spelling is blank or not a known event type
     */
    public static VitalEventType normalize(String spelling) {
        return tryNormalize(spelling).orElseThrow(() -> new UnknownEventTypeException(spelling));
    }

    /** Like {@link #normalize(String)} but empty for an unknown or blank spelling. */
    public static Optional<VitalEventType> tryNormalize(String spelling) {
        if (spelling == null) {
            return Optional.empty();
        }
        String tail = spelling.substring(spelling.lastIndexOf(':') + 1);
        String key = tail.replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return Optional.ofNullable(SPELLINGS.get(key));
    }
}
