package io.crvs.http.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.Sex;
import io.crvs.core.domain.VitalEventType;
import io.crvs.http.envelope.EnvelopeJson;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NotifyMessageReaderTest {

    private static JsonNode json(String text) {
        try {
            return EnvelopeJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A standard notify message with one item whose data has the given event type and record. */
    private static JsonNode oneItem(String eventTypeMember, String record) {
        return json("{\"transaction_id\":\"t\",\"notify_event\":[{\"reference_id\":\"ref-1\","
                + "\"timestamp\":\"2026-01-01T00:00:00Z\",\"locale\":\"eng\",\"data\":{" + eventTypeMember
                + "\"reg_records\":" + record + "}}]}");
    }

    private static NewVitalEvent single(String eventTypeMember, String record) {
        List<NewVitalEvent> events = NotifyMessageReader.read(oneItem(eventTypeMember, record));
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static EnvelopeFormatException rejection(JsonNode message) {
        try {
            NotifyMessageReader.read(message);
        } catch (EnvelopeFormatException e) {
            return e;
        }
        throw new AssertionError("expected a rejection of " + message);
    }

    @Test
    void givenStandardBirthItem_read_extractsEveryFact() {
        NewVitalEvent e = single("\"reg_event_type\":\"spdci-common:RegistryEventType:LiveBirth\",", """
                {"@context":{"@vocab":"https://schema.spdci.org/core/v1"},"@type":"CRVS_Person",
                 "identifier":[{"@type":"Identifier","identifier_type":"BRN","identifier_value":"B-1"},
                               {"identifier_type":"UIN","identifier_value":"U-9"}],
                 "name":{"@type":"Name","surname":"Ñúñez-Øster","given_name":"Zoë","second_name":"Li",
                         "maiden_name":"M","prefix":"Dr","suffix":"Jr"},
                 "sex":"female","birth_date":"2025-12-28T06:15:00+00:00","marital_status":"S",
                 "parent1_identifier":{"identifier_type":"UIN","identifier_value":"U-1"},
                 "parent2_identifier":{"identifier_type":"UIN","identifier_value":"U-2"},
                 "unknown_field":{"x":[1,2]}}""");

        assertThat(e.itemIndex()).isZero();
        assertThat(e.referenceId()).isEqualTo("ref-1");
        assertThat(e.type()).isEqualTo(VitalEventType.BIRTH);
        assertThat(e.rawEventType()).isEqualTo("spdci-common:RegistryEventType:LiveBirth");
        assertThat(e.eventDate()).isEqualTo(LocalDate.of(2025, 12, 28));
        CrvsPersonRecord p = e.person();
        assertThat(p.identifiers()).containsExactly(Identifier.of("BRN", "B-1"), Identifier.of("UIN", "U-9"));
        assertThat(p.parentIdentifiers()).containsExactly(Identifier.of("UIN", "U-1"), Identifier.of("UIN", "U-2"));
        assertThat(p.name().givenName()).isEqualTo("Zoë");
        assertThat(p.name().surname()).isEqualTo("Ñúñez-Øster");
        assertThat(p.name().secondName()).isEqualTo("Li");
        assertThat(p.name().maidenName()).isEqualTo("M");
        assertThat(p.name().prefix()).isEqualTo("Dr");
        assertThat(p.name().suffix()).isEqualTo("Jr");
        assertThat(p.sex()).isEqualTo(Sex.FEMALE);
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(2025, 12, 28));
        assertThat(p.maritalStatus()).isEqualTo(CivilStatus.SINGLE);
        assertThat(e.customAttributes()).containsEntry("shape", "dci").containsEntry("locale", "eng")
                .containsEntry("timestamp", "2026-01-01T00:00:00Z");
    }

    @Test
    void givenItem_read_keepsTheItemJsonAsRawItem() {
        JsonNode message = oneItem("\"reg_event_type\":\"death\",",
                "{\"identifier\":{\"identifier_type\":\"DRN\",\"identifier_value\":\"D-1\"},\"big\":12345678901234567890}");

        NewVitalEvent e = NotifyMessageReader.read(message).get(0);

        assertThat(json(e.rawItem())).isEqualTo(message.get("notify_event").get(0));
        assertThat(e.rawItem()).contains("12345678901234567890");
    }

    @ParameterizedTest
    @CsvSource({
            "spdci-common:RegistryEventType:LiveBirth, BIRTH", "LiveBirth, BIRTH", "live_birth, BIRTH",
            "BIRTH, BIRTH", "birth, BIRTH", "Death, DEATH", "DEATH, DEATH", "spdci-common:RegistryEventType:Death, DEATH",
            "Marriage, MARRIAGE", "marriage, MARRIAGE", "DIVORCE, DIVORCE", "Divorce, DIVORCE",
            "fetal_death, FETAL_DEATH", "adoption, ADOPTION", "REGISTER, REGISTRATION", "seperation, SEPARATION"})
    void givenAnyKnownSpelling_read_normalisesTheEventType(String spelling, VitalEventType expected) {
        NewVitalEvent e = single("\"reg_event_type\":\"" + spelling + "\",", "{\"identifier\":[]}");

        assertThat(e.type()).isEqualTo(expected);
        assertThat(e.rawEventType()).isEqualTo(spelling);
    }

    @Test
    void givenNoRegEventTypeButOpenCrvsRegType_read_fallsBackToRegType() {
        NewVitalEvent e = single("\"reg_type\":\"ocrvs:registry_type:death\",", "{\"death_date\":\"2025-01-02\"}");

        assertThat(e.type()).isEqualTo(VitalEventType.DEATH);
        assertThat(e.rawEventType()).isEqualTo("ocrvs:registry_type:death");
        assertThat(e.eventDate()).isEqualTo(LocalDate.of(2025, 1, 2));
    }

    @Test
    void givenRegEventTypePresent_read_prefersItOverRegType() {
        NewVitalEvent e = single("\"reg_type\":\"ocrvs:registry_type:death\",\"reg_event_type\":\"live_birth\",", "{}");

        assertThat(e.type()).isEqualTo(VitalEventType.BIRTH);
    }

    @Test
    void givenNoEventTypeAnywhere_read_rejectsNamingItemAndField() {
        EnvelopeFormatException e = rejection(oneItem("\"reg_type\":\"ns:org:RegistryType:Civil\",", "{}"));

        assertThat(e.reason()).isEqualTo(EnvelopeFormatException.INVALID_ITEM);
        assertThat(e.getMessage()).startsWith("notify_event[0]: data.reg_event_type is missing")
                .contains("data.reg_type");
    }

    @Test
    void givenUnknownEventTypeInSecondItem_read_rejectsNamingItemOneAndQuotingShort() {
        String longSpelling = "Coronation" + "x".repeat(500);
        JsonNode message = json("{\"notify_event\":[{\"data\":{\"reg_event_type\":\"death\",\"reg_records\":{}}},"
                + "{\"data\":{\"reg_event_type\":\"" + longSpelling + "\",\"reg_records\":{}}}]}");

        EnvelopeFormatException e = rejection(message);

        assertThat(e.getMessage()).startsWith("notify_event[1]: data.reg_event_type is not a known event type")
                .contains("Coronation").doesNotContain("x".repeat(SafeText.QUOTE_LIMIT + 1));
    }

    @Test
    void givenSingleObjectNotifyEventAndIdentifier_read_acceptsBoth() {
        JsonNode message = json("{\"notify_event\":{\"reference_id\":\"r\",\"data\":{\"reg_event_type\":\"Death\","
                + "\"reg_records\":{\"identifier\":{\"identifier_type\":\"UIN\",\"identifier_value\":\"U-5\"}}}}}");

        List<NewVitalEvent> events = NotifyMessageReader.read(message);

        assertThat(events).singleElement().satisfies(e ->
                assertThat(e.identifiers()).containsExactly(Identifier.of("UIN", "U-5")));
    }

    @Test
    void givenTypeValueIdentifiersAndNumericValue_read_acceptsThem() {
        NewVitalEvent e = single("\"reg_event_type\":\"birth\",",
                "{\"identifier\":[{\"type\":\"brn\",\"value\":\"B-7\"},{\"identifier_type\":\"NID\",\"identifier_value\":1234567}]}");

        assertThat(e.identifiers()).containsExactly(Identifier.of("BRN", "B-7"), Identifier.of("NID", "1234567"));
    }

    @Test
    void givenIdentifierWithoutValue_read_rejectsNamingIt() {
        EnvelopeFormatException e = rejection(oneItem("\"reg_event_type\":\"birth\",",
                "{\"identifier\":[{\"identifier_type\":\"BRN\",\"identifier_value\":\"B\"},{\"identifier_type\":\"UIN\"}]}"));

        assertThat(e.getMessage()).isEqualTo(
                "notify_event[0]: data.reg_records.identifier[1].identifier_value is missing");
    }

    @Test
    void givenBlankIdentifierValue_read_rejectsWithoutTheValue() {
        EnvelopeFormatException e = rejection(oneItem("\"reg_event_type\":\"birth\",",
                "{\"identifier\":{\"identifier_type\":\"BRN\",\"identifier_value\":\"   \"}}"));

        assertThat(e.getMessage()).startsWith("notify_event[0]: data.reg_records.identifier is not usable");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"2025-12-30T22:40:00-05:00\" | 2025-12-30",
            "\"2025-12-30T22:40:00\" | 2025-12-30",
            "\"2025-12-30\" | 2025-12-30",
            "\"2025-12-30T02:00:00+05:30\" | 2025-12-30",
            "[\"2019-01-01\",\"2025-12-20T00:00:00+00:00\"] | 2025-12-20",
            "\"2025-12-20T00:00:00Z\" | 2025-12-20"})
    void givenDateInAnyFormOrList_read_takesTheCalendarDateAsWrittenFromTheLastItem(String value, LocalDate expected) {
        NewVitalEvent e = single("\"reg_event_type\":\"marriage\",", "{\"marriage_date\":" + value + "}");

        assertThat(e.eventDate()).isEqualTo(expected);
        assertThat(e.person().marriageDate()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "[]", "null"})
    void givenEmptyDate_read_treatsItAsAbsent(String value) {
        NewVitalEvent e = single("\"reg_event_type\":\"divorce\",", "{\"divorce_date\":" + value + "}");

        assertThat(e.eventDate()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-30", "2024-13-01", "0000-00-00", "30.12.2025", "2025-12-30T25:00:00"})
    void givenImpossibleDate_read_rejectsNamingItemAndFieldWithoutTheValue(String value) {
        JsonNode message = json("{\"notify_event\":[{\"data\":{\"reg_event_type\":\"death\",\"reg_records\":{}}},"
                + "{\"data\":{\"reg_event_type\":\"death\",\"reg_records\":{\"birth_date\":\"" + value + "\"}}}]}");

        EnvelopeFormatException e = rejection(message);

        assertThat(e.reason()).isEqualTo(EnvelopeFormatException.INVALID_ITEM);
        assertThat(e.getMessage()).startsWith("notify_event[1]: data.reg_records.birth_date is not a valid calendar date")
                .doesNotContain(value);
    }

    @ParameterizedTest
    @CsvSource({"birth, birth_date, 2020-01-01", "death, death_date, 2020-02-02",
            "marriage, marriage_date, 2020-03-03", "divorce, divorce_date, 2020-04-04"})
    void givenRecordWithEveryDate_read_takesTheEventDateByType(String type, String field, LocalDate expected) {
        NewVitalEvent e = single("\"reg_event_type\":\"" + type + "\",", "{\"birth_date\":\"2020-01-01\","
                + "\"death_date\":\"2020-02-02\",\"marriage_date\":[\"2020-03-03\"],\"divorce_date\":\"2020-04-04\"}");

        assertThat(e.eventDate()).as(field).isEqualTo(expected);
    }

    @Test
    void givenOlderSpellingsAndStringName_read_acceptsThem() {
        NewVitalEvent e = single("\"reg_event_type\":\"death\",",
                "{\"deathdate\":\"2024-05-05\",\"name\":\"Orin Placeholder\",\"sex\":\"M\",\"marital_status\":\"W\"}");

        assertThat(e.eventDate()).isEqualTo(LocalDate.of(2024, 5, 5));
        assertThat(e.person().name().fullName()).isEqualTo("Orin Placeholder");
        assertThat(e.person().sex()).isEqualTo(Sex.MALE);
        assertThat(e.person().maritalStatus()).isEqualTo(CivilStatus.WIDOWED);
    }

    @Test
    void givenSurNameSpellingAndUnknownCodes_read_isLenient() {
        NewVitalEvent e = single("\"reg_event_type\":\"birth\",",
                "{\"name\":{\"sur_name\":\"Old\",\"given_name\":\"Style\"},\"sex\":\"x\",\"marital_status\":\"Q\"}");

        assertThat(e.person().name().surname()).isEqualTo("Old");
        assertThat(e.person().sex()).isEqualTo(Sex.UNKNOWN);
        assertThat(e.person().maritalStatus()).isNull();
    }

    @Test
    void givenRegRecordsList_read_makesOneEventPerRecordWithDistinctReferenceIds() {
        JsonNode message = json("{\"notify_event\":[{\"reference_id\":\"first\",\"data\":{\"reg_event_type\":\"death\","
                + "\"reg_records\":{}}},{\"reference_id\":\"mrg\",\"data\":{\"reg_event_type\":\"marriage\","
                + "\"reg_records\":[{\"identifier\":{\"identifier_type\":\"UIN\",\"identifier_value\":\"A\"}},"
                + "{\"identifier\":{\"identifier_type\":\"UIN\",\"identifier_value\":\"B\"}}]}}]}");

        List<NewVitalEvent> events = NotifyMessageReader.read(message);

        assertThat(events).extracting(NewVitalEvent::itemIndex).containsExactly(0, 1, 2);
        assertThat(events).extracting(NewVitalEvent::referenceId).containsExactly("first", "mrg#0", "mrg#1");
        assertThat(events.get(2).identifiers()).containsExactly(Identifier.of("UIN", "B"));
        assertThat(events.get(2).customAttributes()).containsEntry("record_index", "1");
        assertThat(events.get(1).rawItem()).isEqualTo(events.get(2).rawItem());
    }

    @Test
    void givenOneElementRegRecordsList_read_readsItAsTheRecord() {
        NewVitalEvent e = single("\"reg_event_type\":\"death\",", "[{\"death_date\":\"2020-01-01\"}]");

        assertThat(e.referenceId()).isEqualTo("ref-1");
        assertThat(e.customAttributes()).doesNotContainKey("record_index");
    }

    @Test
    void givenItemsWithoutReferenceId_read_numbersThemByPosition() {
        JsonNode message = json("{\"notify_event\":[{\"data\":{\"reg_event_type\":\"death\",\"reg_records\":{}}},"
                + "{\"reference_id\":\"\",\"data\":{\"reg_event_type\":\"birth\",\"reg_records\":{}}}]}");

        List<NewVitalEvent> events = NotifyMessageReader.read(message);

        assertThat(events).extracting(NewVitalEvent::itemIndex).containsExactly(0, 1);
        assertThat(events).extracting(NewVitalEvent::referenceId).containsOnlyNulls();
    }

    @Test
    void givenFlatOpenSppShape_read_usesEveryIdentifierAndTheEventDate() {
        JsonNode message = json("{\"event_type\":\"DEATH\",\"event_date\":\"2025-12-30\",\"identifiers\":["
                + "{\"type\":\"UIN\",\"value\":\"UIN-000123\"},{\"type\":\"DRN\",\"value\":\"D-2025-0042\"}],"
                + "\"person\":{\"name\":\"Orin Placeholder\",\"birth_date\":\"1950-01-01\"}}");

        NewVitalEvent e = NotifyMessageReader.read(message).get(0);

        assertThat(e.itemIndex()).isZero();
        assertThat(e.referenceId()).isNull();
        assertThat(e.type()).isEqualTo(VitalEventType.DEATH);
        assertThat(e.eventDate()).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(e.identifiers()).containsExactly(Identifier.of("UIN", "UIN-000123"), Identifier.of("DRN", "D-2025-0042"));
        assertThat(e.person().birthDate()).isEqualTo(LocalDate.of(1950, 1, 1));
        assertThat(e.customAttributes()).containsEntry("shape", "openspp-flat");
        assertThat(json(e.rawItem())).isEqualTo(message);
    }

    @Test
    void givenFlatShapeWithoutEventDate_read_fallsBackToThePersonDateAndMergesIdentifiers() {
        JsonNode message = json("{\"event_type\":\"birth\",\"identifiers\":[{\"type\":\"BRN\",\"value\":\"B-1\"}],"
                + "\"person\":{\"birth_date\":\"2025-01-09T08:00:00\",\"identifier\":[{\"identifier_type\":\"BRN\","
                + "\"identifier_value\":\"B-1\"},{\"identifier_type\":\"UIN\",\"identifier_value\":\"U-1\"}]}}");

        NewVitalEvent e = NotifyMessageReader.read(message).get(0);

        assertThat(e.eventDate()).isEqualTo(LocalDate.of(2025, 1, 9));
        assertThat(e.identifiers()).containsExactly(Identifier.of("BRN", "B-1"), Identifier.of("UIN", "U-1"));
    }

    @Test
    void givenFlatShapeWithUnknownTypeOrBadDate_read_rejectsNamingTheField() {
        assertThat(rejection(json("{\"event_type\":\"coronation\"}")).getMessage())
                .startsWith("message.event_type is not a known event type");
        assertThat(rejection(json("{\"event_type\":\"death\",\"event_date\":\"2025-02-30\"}")).getMessage())
                .startsWith("message.event_date is not a valid calendar date");
    }

    @Test
    void givenUnusableMessage_read_rejectsAsInvalidMessage() {
        assertThat(rejection(null).reason()).isEqualTo(EnvelopeFormatException.INVALID_MESSAGE);
        assertThat(rejection(json("[]")).reason()).isEqualTo(EnvelopeFormatException.INVALID_MESSAGE);
        assertThat(rejection(json("{\"transaction_id\":\"t\"}")).getMessage()).contains("notify_event is missing");
        assertThat(rejection(json("{\"notify_event\":[]}")).getMessage()).isEqualTo("message.notify_event is empty");
    }

    @Test
    void givenBrokenItems_read_namesWhatIsWrong() {
        assertThat(rejection(json("{\"notify_event\":[\"x\"]}")).getMessage())
                .isEqualTo("notify_event[0]: the item must be a JSON object");
        assertThat(rejection(json("{\"notify_event\":[{\"reference_id\":\"r\"}]}")).getMessage())
                .isEqualTo("notify_event[0]: data is missing");
        assertThat(rejection(json("{\"notify_event\":[{\"data\":{\"reg_event_type\":\"birth\"}}]}")).getMessage())
                .isEqualTo("notify_event[0]: data.reg_records is missing");
        assertThat(rejection(json("{\"notify_event\":[{\"data\":{\"reg_event_type\":\"birth\",\"reg_records\":[]}}]}"))
                .getMessage()).isEqualTo("notify_event[0]: data.reg_records is an empty list");
        assertThat(rejection(json("{\"notify_event\":[{\"data\":{\"reg_event_type\":\"birth\",\"reg_records\":"
                + "{\"name\":{\"given_name\":{\"a\":1}}}}}]}")).getMessage())
                .isEqualTo("notify_event[0]: data.reg_records.name.given_name must be a string");
        assertThat(rejection(json("{\"notify_event\":[{\"reference_id\":\"" + "r".repeat(300)
                + "\",\"data\":{\"reg_event_type\":\"birth\",\"reg_records\":{}}}]}")).getMessage())
                .isEqualTo("notify_event[0]: reference_id is longer than 256 characters");
    }
}
