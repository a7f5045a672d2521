package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.BirthVerification;
import io.crvs.core.domain.CrvsSearchResult;
import io.crvs.core.domain.DeathCheck;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.ReconcileReport;
import io.crvs.core.domain.SearchCondition;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.Subscription;
import java.util.Locale;

/** JSON views of CRVS answers, subscriptions and reconciliation runs. */
final class CrvsViews {

    private CrvsViews() {
    }

    static ObjectNode birth(String crvsId, BirthVerification v) {
        ObjectNode node = base(crvsId, v.identifier());
        if (v instanceof BirthVerification.Found found) {
            node.put("result", "found");
            node.set("record", EventViews.person(found.record()));
        } else if (v instanceof BirthVerification.Ambiguous a) {
            node.put("result", "ambiguous");
            node.put("records", a.count());
        } else {
            node.put("result", "not_found");
        }
        return node;
    }

    static ObjectNode death(String crvsId, DeathCheck c) {
        ObjectNode node = base(crvsId, c.uin());
        if (c instanceof DeathCheck.Deceased d) {
            node.put("result", "deceased");
            node.put("deceased", true);
            ApiJson.put(node, "death_date", d.deathDate());
            node.set("record", EventViews.person(d.record()));
        } else if (c instanceof DeathCheck.NotDeceased n) {
            node.put("result", "not_deceased");
            node.put("deceased", false);
            node.set("record", EventViews.person(n.record()));
        } else if (c instanceof DeathCheck.Ambiguous a) {
            node.put("result", "ambiguous");
            node.put("records", a.count());
        } else {
            node.put("result", "not_found");
        }
        return node;
    }

    static ObjectNode search(String crvsId, CrvsSearchResult r) {
        ObjectNode node = ApiJson.object();
        node.put("crvs", crvsId);
        node.put("page", r.page().number());
        node.put("page_size", r.page().size());
        node.put("total_count", r.totalCount());
        ArrayNode records = node.putArray("records");
        r.records().forEach(p -> records.add(EventViews.person(p)));
        return node;
    }

    static ObjectNode subscription(Subscription s) {
        ObjectNode node = ApiJson.object();
        node.put("id", s.id());
        node.put("crvs", s.crvsId());
        node.put("event_type", s.eventType().name().toLowerCase(Locale.ROOT));
        node.set("filter", filter(s.filter()));
        node.put("status", s.status().code());
        node.put("code", s.code());
        node.put("transaction_id", s.transactionId());
        node.put("correlation_id", s.correlationId());
        node.put("status_reason", s.statusReason());
        node.put("created_by", s.createdBy());
        ApiJson.put(node, "created_at", s.createdAt());
        ApiJson.put(node, "updated_at", s.updatedAt());
        return node;
    }

    static ObjectNode run(ReconcileJobs.Run run) {
        ObjectNode node = ApiJson.object();
        node.put("id", run.id());
        node.put("crvs", run.crvsId());
        node.put("state", run.state().code());
        node.put("actor", run.actor());
        ApiJson.put(node, "started_at", run.startedAt());
        ApiJson.put(node, "ended_at", run.endedAt());
        ReconcileReport p = run.progress();
        node.put("persons_checked", p.personsChecked());
        node.put("records_received", p.recordsReceived());
        node.put("events_queued", p.eventsQueued());
        node.put("already_queued", p.alreadyQueued());
        node.put("refused_searches", p.refusedSearches());
        node.put("error", run.error());
        return node;
    }

    private static ObjectNode base(String crvsId, Identifier identifier) {
        ObjectNode node = ApiJson.object();
        node.put("crvs", crvsId);
        node.putObject("identifier").put("type", identifier.type().code()).put("value", identifier.value());
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode filter(SearchQuery q) {
        if (q == null) {
            return ApiJson.MAPPER.nullNode();
        }
        ObjectNode node = ApiJson.object();
        if (q instanceof SearchQuery.ByIdentifier byId) {
            node.put("identifier", byId.identifier().type().code() + ":" + byId.identifier().value());
        } else {
            ArrayNode conditions = node.putArray("conditions");
            for (SearchCondition c : ((SearchQuery.ByPredicate) q).conditions()) {
                conditions.add(c.attribute() + ":" + c.operator().code() + ":" + c.value());
            }
        }
        return node;
    }
}
