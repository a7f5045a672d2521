package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonId;
import io.crvs.core.port.out.PartnerRepository;
import java.util.Objects;
import java.util.Set;

/** The registry's persons, read only: one by id, or all carrying an identifier. */
final class PersonEndpoints {

    private final PartnerRepository persons;

    PersonEndpoints(PartnerRepository persons) {
        this.persons = Objects.requireNonNull(persons, "persons");
    }

    void register(Router.Builder routes) {
        routes.add("GET", "/persons", Permission.READ, this::lookup)
                .add("GET", "/persons/{id}", Permission.READ, this::one);
    }

    private ApiResponse one(ApiCall call) {
        call.query(Set.of());
        PersonId id = FieldParsers.personId("id", call.variable("id"));
        return ApiResponse.ok(PersonViews.person(persons.find(id)
                .orElseThrow(() -> ApiException.notFound("no person " + id))));
    }

    private ApiResponse lookup(ApiCall call) {
        QueryParams query = call.query(Set.of("identifier"));
        Identifier identifier = query.text("identifier").map(v -> FieldParsers.identifier("identifier", v))
                .orElseThrow(() -> ApiException.badRequest("identifier",
                        "identifier is required (TYPE:VALUE, for example UIN:12345)"));
        ObjectNode node = ApiJson.object();
        ArrayNode items = node.putArray("items");
        persons.findByIdentifier(identifier).forEach(p -> items.add(PersonViews.person(p)));
        return ApiResponse.ok(node);
    }
}
