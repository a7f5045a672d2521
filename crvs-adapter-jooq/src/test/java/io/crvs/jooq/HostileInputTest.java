package io.crvs.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.EventError;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.Note;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over-long and hostile values: rejected by the domain before any SQL, stored verbatim, or (NUL, which
 * PostgreSQL cannot store) rejected cleanly with {@link InvalidInputException}; never an SQL error, never a change
 * to another row.
 */
class HostileInputTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final String DROP = "x'); DROP TABLE vital_event; --";
    private static final List<String> HOSTILE = List.of(DROP, "\" OR \"1\"=\"1", "' OR ''='", "$$; SELECT 1; $$",
            "\\x00\\'\\\\", "%_*", "{\"reference_id\": \"other\"}", "Zoë ⚡ 𝔘 עברית", "line\nbreak\ttab\r");

    private static PostgresDatabase db;
    private static JooqEventStore events;
    private static JooqPartnerRepository partners;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        JooqTransactions transactions = new JooqTransactions(db.dataSource());
        events = new JooqEventStore(transactions);
        partners = new JooqPartnerRepository(transactions);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static NewVitalEvent item(String text, String referenceId, Identifier identifier) {
        CrvsPersonRecord person = new CrvsPersonRecord(List.of(identifier), new PersonName(text, text, text, text,
                text, text), null, LocalDate.of(2025, 3, 10), null, null, null, null,
                List.of(Identifier.of("UIN", text)));
        return new NewVitalEvent(0, referenceId, VitalEventType.BIRTH, text, LocalDate.of(2025, 3, 10), person,
                "{\"raw\":\"" + text + "\"}", Map.of(text, text, "k", text));
    }

    private static EventId bystander(String sender) {
        StoreResult.Stored r = (StoreResult.Stored) events.store(TestEvents.message(sender, NOW),
                List.of(TestEvents.birth().withIdentifier("UIN", TestEvents.unique("U")).build()));
        return r.events().get(0).eventId();
    }

    @Test
    void givenTenKilobyteValues_domain_rejectsThemBeforeAnySql() {
        String tenKb = "r".repeat(10 * 1024);

        assertThatThrownBy(() -> TestEvents.birth().withReferenceId(tenKb).build())
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TestEvents.message("crvs.hostile", tenKb, NOW))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Identifier.of("UIN", tenKb)).isInstanceOf(InvalidInputException.class);
        // Looking them up is harmless: nothing matches.
        assertThat(events.findMessage(tenKb, tenKb)).isEmpty();
        assertThat(events.list(EventFilter.all().withSender(tenKb), PageRequest.first(10)).total()).isZero();
    }

    @Test
    void givenQuotesAndSqlFragments_store_keepsThemVerbatimAndChangesNoOtherRow() {
        String sender = TestEvents.unique("crvs.hostile");
        EventId other = bystander(TestEvents.unique("crvs.bystander"));
        VitalEvent otherBefore = events.find(other).orElseThrow();

        for (String text : HOSTILE) {
            Identifier uin = Identifier.of("UIN", text + TestEvents.unique(""));
            NewVitalEvent item = item(text, text + TestEvents.unique(""), uin);
            ReceivedMessage message = new ReceivedMessage(sender, text + TestEvents.unique(""), "notify", text,
                    text, SignatureProfile.NONE, text.getBytes(StandardCharsets.UTF_8), NOW);

            EventId id = ((StoreResult.Stored) events.store(message, List.of(item))).events().get(0).eventId();

            assertThat(events.find(id).orElseThrow().details()).isEqualTo(item);
            assertThat(events.findMessage(sender, message.messageId())).contains(message);
            assertThat(events.list(EventFilter.all().withIdentifier(uin), PageRequest.first(10)).items())
                    .extracting(VitalEvent::id).containsExactly(id);
            assertThat(((StoreResult.Stored) events.store(TestEvents.message(sender, NOW), List.of(item))).events())
                    .containsExactly(new StoreResult.StoredItem(id, true));
        }

        assertThat(events.find(other)).contains(otherBefore);
        assertThat(events.list(EventFilter.all().withSender(sender), PageRequest.first(100)).total())
                .isEqualTo(HOSTILE.size());
        assertThat(events.list(EventFilter.all().withIdentifier(Identifier.of("UIN", "%")), PageRequest.first(10))
                .total()).isZero();
    }

    @Test
    void givenNulCharacterAnywhereInAMessage_store_rejectsItCleanlyAndStoresNothing() {
        String nul = "a\u0000b";
        List<Function<String, StoreAttempt>> variants = List.of(
                s -> new StoreAttempt(TestEvents.message(s, NOW), item("ok", nul, Identifier.of("UIN", "u"))),
                s -> new StoreAttempt(TestEvents.message(s, NOW), item("ok", "r", Identifier.of("UIN", nul))),
                s -> new StoreAttempt(TestEvents.message(s, NOW), item(nul, "r", Identifier.of("UIN", "u"))),
                s -> new StoreAttempt(TestEvents.message(s, nul, NOW), item("ok", "r", Identifier.of("UIN", "u"))),
                s -> new StoreAttempt(new ReceivedMessage(s, "m", nul, null, "c", SignatureProfile.NONE,
                        new byte[] {0}, NOW), item("ok", "r", Identifier.of("UIN", "u"))));

        for (Function<String, StoreAttempt> variant : variants) {
            String sender = TestEvents.unique("crvs.nul");
            StoreAttempt attempt = variant.apply(sender);

            assertThatThrownBy(() -> events.store(attempt.message(), List.of(TestEvents.birth().build(),
                    attempt.item()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("NUL");

            assertThat(events.findMessage(sender, attempt.message().messageId())).isEmpty();
            assertThat(events.list(EventFilter.all().withSender(sender), PageRequest.first(10)).total()).isZero();
        }
    }

    private record StoreAttempt(ReceivedMessage message, NewVitalEvent item) {
    }

    @Test
    void givenNulCharacterInOperatorInput_writes_rejectCleanlyAndLookupsMatchNothing() {
        EventId id = bystander(TestEvents.unique("crvs.nul"));
        VitalEvent before = events.find(id).orElseThrow();

        assertThatThrownBy(() -> events.addNote(id, new Note("carol", "bad\u0000note", NOW)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> events.audit(new AuditEntry(null, "sender.update", null, null, "a\u0000b", null,
                NOW))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> partners.add(RegistryPerson.newPerson(PersonName.of("Ada\u0000", "X"), null,
                List.of(Identifier.of("UIN", TestEvents.unique("U")))))).isInstanceOf(InvalidInputException.class);

        assertThat(events.find(id)).contains(before);
        assertThat(partners.findByIdentifier(Identifier.of("UIN", "a\u0000b"))).isEmpty();
        assertThat(events.findMessage("a\u0000b", "m")).isEmpty();
        assertThat(events.list(EventFilter.all().withIdentifier(Identifier.of("UIN", "a\u0000b")),
                PageRequest.first(10)).total()).isZero();
    }

    @Test
    void givenFailureMessageQuotingNul_fail_recordsItWithNulReplaced() {
        String sender = TestEvents.unique("crvs.nul");
        EventId id = bystander(sender);
        VitalEvent claimed = events.claimDue(10_000, Duration.ofSeconds(30), NOW).stream()
                .filter(e -> e.id().equals(id)).findFirst().orElseThrow();

        events.fail(claimed.lease(), new EventError("handler_failure", "bad value \u0000 in record"), null, null,
                NOW);

        VitalEvent failed = events.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(EventState.ERROR);
        assertThat(failed.lastError().message()).isEqualTo("bad value \uFFFD in record");
    }

    @Test
    void givenHostileNames_partnerRepository_keepsThemVerbatim() {
        for (String text : HOSTILE) {
            RegistryPerson p = partners.add(RegistryPerson.newPerson(new PersonName(text, null, text, null, null,
                    text), null, List.of(Identifier.of("UIN", text + TestEvents.unique("")))));

            assertThat(partners.find(p.id())).contains(p);
        }
    }
}
