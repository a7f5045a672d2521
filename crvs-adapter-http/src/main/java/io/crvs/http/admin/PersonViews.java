package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.RegistryPerson;
import java.util.Locale;

/** JSON view of a registry person: what vital events change about them, and their version. */
final class PersonViews {

    private PersonViews() {
    }

    static ObjectNode person(RegistryPerson p) {
        ObjectNode node = ApiJson.object();
        node.put("id", p.id() == null ? null : p.id().value());
        if (p.name() == null) {
            node.putNull("name");
        } else {
            node.set("name", EventViews.name(p.name()));
        }
        node.set("identifiers", EventViews.identifiers(p.identifiers()));
        ApiJson.put(node, "birth_date", p.birthDate());
        node.put("deceased", p.deceased());
        ApiJson.put(node, "death_date", p.deathDate());
        node.put("civil_status", p.civilStatus() == null ? null : p.civilStatus().name().toLowerCase(Locale.ROOT));
        ApiJson.put(node, "civil_status_date", p.civilStatusDate());
        node.put("version", p.version());
        return node;
    }
}
