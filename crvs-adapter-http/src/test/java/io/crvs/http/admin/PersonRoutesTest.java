package io.crvs.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.RegistryPerson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registry persons through the API: by id, by identifier (unique and shared). */
class PersonRoutesTest {

    private AdminApiFixture f;

    @BeforeEach
    void start() {
        f = new AdminApiFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void byId_showsIdentifiersBirthdateDeathCivilStatusAndVersion() {
        RegistryPerson p = f.persons.find(f.personOne).orElseThrow();
        f.persons.update(p.withDeath(java.time.LocalDate.of(2026, 1, 3)));

        AdminApiFixture.Response r = f.get("/persons/" + f.personOne, f.userToken);

        assertThat(r.status()).isEqualTo(200);
        JsonNode person = r.json();
        assertThat(person.get("id").asLong()).isEqualTo(f.personOne.value());
        assertThat(person.get("name").get("given_name").asText()).isEqualTo("Amina");
        assertThat(person.get("name").get("surname").asText()).isEqualTo("Diallo");
        assertThat(person.get("identifiers").toString())
                .isEqualTo("[{\"type\":\"UIN\",\"value\":\"U-1001\"},{\"type\":\"MRN\",\"value\":\"M-77\"}]");
        assertThat(person.get("birth_date").asText()).isEqualTo("1990-04-02");
        assertThat(person.get("deceased").asBoolean()).isTrue();
        assertThat(person.get("death_date").asText()).isEqualTo("2026-01-03");
        assertThat(person.get("civil_status").asText()).isEqualTo("married");
        assertThat(person.get("civil_status_date").asText()).isEqualTo("2015-06-01");
        assertThat(person.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void byUniqueIdentifier_findsOnePerson() {
        AdminApiFixture.Response r = f.get("/persons?identifier=UIN:U-1002", f.userToken);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("items")).singleElement()
                .satisfies(p -> assertThat(p.get("id").asLong()).isEqualTo(f.personTwo.value()));
    }

    @Test
    void bySharedIdentifier_findsEveryCarrier_andByUnknownOne_none() {
        List<Long> ids = new ArrayList<>();
        f.get("/persons?identifier=MRN:M-77", f.adminToken).json().get("items").forEach(p -> ids.add(p.get("id")
                .asLong()));

        assertThat(ids).containsExactly(f.personOne.value(), f.personTwo.value());
        assertThat(f.get("/persons?identifier=UIN:nobody", f.adminToken).json().get("items")).isEmpty();
    }

    @Test
    void anIdentifierValueWithAColon_isKeptWhole() {
        f.persons.add(RegistryPerson.newPerson(null, null, List.of(Identifier.of("OPENCRVS_RECORD_ID", "a:b:c"))));

        AdminApiFixture.Response r = f.get("/persons?identifier=OPENCRVS_RECORD_ID:a:b:c", f.userToken);

        assertThat(r.json().get("items")).hasSize(1);
        assertThat(r.json().get("items").get(0).get("name").isNull()).isTrue();
    }

    @Test
    void unknownPerson_isNotFound() {
        AdminApiFixture.Response r = f.get("/persons/4242", f.userToken);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("not_found");
    }
}
