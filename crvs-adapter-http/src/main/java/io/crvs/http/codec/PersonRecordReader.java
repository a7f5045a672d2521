package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CRVSPerson record ({@code reg_records}, reference §6.3) into the domain's {@link CrvsPersonRecord}.
 *
 * <p>Lenient: {@code identifier} (or {@code identifiers}) as list or single object; name parts with their older
 * spellings ({@code sur_name}); a name given as one string is kept whole as the given name (never split); dates
 * with the older un-underscored spellings ({@code birthdate}); an unknown sex or marital status is kept as
 * unknown / absent. Strict: an impossible date or an unusable identifier is an error naming the field.
 */
final class PersonRecordReader {

    private PersonRecordReader() {
    }

    /**
     * @param record the record object
     * @param prefix the record's path for error messages ({@code data.reg_records})
     */
    static CrvsPersonRecord read(JsonNode record, String prefix, JsonFields.Problem problem) {
        if (record == null || !record.isObject()) {
            throw problem.at(prefix, "must be a JSON object");
        }
        String idField = orDefault(JsonFields.firstPresent(record, "identifier", "identifiers"), "identifier");
        List<Identifier> identifiers = IdentifierReader.readAll(JsonFields.member(record, idField),
                prefix + "." + idField, problem);
        List<Identifier> parents = new ArrayList<>();
        for (String parent : new String[] {"parent1_identifier", "parent2_identifier"}) {
            parents.addAll(IdentifierReader.readAll(JsonFields.member(record, parent), prefix + "." + parent,
                    problem));
        }
        String sex = JsonFields.nonBlankText(JsonFields.member(record, "sex"), prefix + ".sex", problem);
        String marital = JsonFields.nonBlankText(JsonFields.member(record, "marital_status"),
                prefix + ".marital_status", problem);
        return new CrvsPersonRecord(identifiers, name(record, prefix, problem), sex == null ? null : Sex.parse(sex),
                date(record, prefix, problem, "birth_date", "birthdate", "birthDate"),
                date(record, prefix, problem, "death_date", "deathdate", "deathDate"),
                marital == null ? null : CivilStatus.parse(marital).orElse(null),
                date(record, prefix, problem, "marriage_date", "marriagedate", "marriageDate"),
                date(record, prefix, problem, "divorce_date", "divorcedate", "divorceDate"),
                parents);
    }

    private static LocalDate date(JsonNode record, String prefix, JsonFields.Problem problem, String... names) {
        String field = orDefault(JsonFields.firstPresent(record, names), names[0]);
        return DateReader.read(JsonFields.member(record, field), prefix + "." + field, problem);
    }

    private static PersonName name(JsonNode record, String prefix, JsonFields.Problem problem) {
        JsonNode node = JsonFields.member(record, "name");
        String field = prefix + ".name";
        if (node != null && node.isArray()) {
            node = node.isEmpty() ? null : node.get(0);
            field += "[0]";
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue().isBlank() ? null : new PersonName(node.textValue(), null, null, null, null, null);
        }
        if (!node.isObject()) {
            throw problem.at(field, "must be an object or a string");
        }
        return new PersonName(part(node, field, problem, "given_name", "givenName", "first_name"),
                part(node, field, problem, "second_name", "middle_name"),
                part(node, field, problem, "surname", "sur_name", "family_name", "familyName"),
                part(node, field, problem, "maiden_name"),
                part(node, field, problem, "prefix"),
                part(node, field, problem, "suffix"));
    }

    private static String part(JsonNode name, String field, JsonFields.Problem problem, String... names) {
        String member = JsonFields.firstPresent(name, names);
        return member == null ? null
                : JsonFields.text(JsonFields.member(name, member), field + "." + member, problem);
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
