package io.crvs.core.testing;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.VitalEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared fixtures: valid notify items and messages with unique ids per call, changed with {@code with…}.
 * Example: {@code TestEvents.birth().withIdentifier("UIN", "U-1").withDate("2025-03-10").build()}.
 */
public final class TestEvents {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private VitalEventType type;
    private String referenceId = "ref-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID();
    private LocalDate date;
    private final List<Identifier> identifiers = new ArrayList<>();
    private int index;

    private TestEvents(VitalEventType type, LocalDate date) {
        this.type = type;
        this.date = date;
    }

    public static TestEvents birth() {
        return new TestEvents(VitalEventType.BIRTH, LocalDate.of(2025, 3, 10));
    }

    public static TestEvents death() {
        return new TestEvents(VitalEventType.DEATH, LocalDate.of(2025, 3, 12));
    }

    public static TestEvents marriage() {
        return new TestEvents(VitalEventType.MARRIAGE, LocalDate.of(2025, 3, 8));
    }

    public static TestEvents divorce() {
        return new TestEvents(VitalEventType.DIVORCE, LocalDate.of(2025, 3, 1));
    }

    public static TestEvents of(VitalEventType type) {
        return new TestEvents(type, LocalDate.of(2025, 1, 1));
    }

    public TestEvents withIdentifier(String type, String value) {
        identifiers.add(Identifier.of(type, value));
        return this;
    }

    public TestEvents withDate(String isoDate) {
        this.date = isoDate == null ? null : LocalDate.parse(isoDate);
        return this;
    }

    public TestEvents withReferenceId(String ref) {
        this.referenceId = ref;
        return this;
    }

    public TestEvents withIndex(int i) {
        this.index = i;
        return this;
    }

    public NewVitalEvent build() {
        CrvsPersonRecord person = new CrvsPersonRecord(identifiers, PersonName.of("Test", "Person"), null,
                type == VitalEventType.BIRTH ? date : null, type == VitalEventType.DEATH ? date : null,
                type == VitalEventType.MARRIAGE ? CivilStatus.MARRIED : null,
                type == VitalEventType.MARRIAGE ? date : null, type == VitalEventType.DIVORCE ? date : null,
                List.of());
        return new NewVitalEvent(index, referenceId, type, type.name().toLowerCase(), date, person,
                "{\"reference_id\":\"" + referenceId + "\"}", Map.of());
    }

    /** A notify message from {@code sender} with a fresh message id. */
    public static ReceivedMessage message(String sender, Instant at) {
        return message(sender, "msg-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID(), at);
    }

    public static ReceivedMessage message(String sender, String messageId, Instant at) {
        return new ReceivedMessage(sender, messageId, "notify", "txn-" + messageId, "corr-" + UUID.randomUUID(),
                SignatureProfile.DCI_CAVAGE_ED25519, ("{\"raw\":\"" + messageId + "\"}").getBytes(
                StandardCharsets.UTF_8), at);
    }

    /** A unique value for identifiers, so contract tests never collide with each other's data. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
