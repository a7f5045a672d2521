package io.crvs.jooq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.SearchCondition;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.Subscription;
import io.crvs.core.domain.SubscriptionStatus;
import io.crvs.core.domain.VitalEventType;
import io.crvs.jooq.generated.tables.records.CrvsSubscriptionRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Persistence adapter mapper: {@code crvs_subscription} rows to and from {@link Subscription}. The filter is kept as
 * JSON text ({@code {"identifier":{type,value}}} or {@code {"conditions":[{attribute,operator,value}]}}); every
 * string is checked by {@link TextGuard} before it is written.
 */
final class SubscriptionRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SubscriptionRows() {
    }

    static CrvsSubscriptionRecord row(Subscription s) {
        CrvsSubscriptionRecord r = new CrvsSubscriptionRecord();
        r.setId(TextGuard.checked("subscription id", s.id()));
        r.setCrvsId(TextGuard.checked("CRVS id", s.crvsId()));
        r.setEventType(s.eventType().name());
        r.setFilter(filter(s.filter()));
        r.setStatus(s.status().code());
        r.setCode(TextGuard.checked("subscription code", s.code()));
        r.setTransactionId(TextGuard.checked("transaction id", s.transactionId()));
        r.setCorrelationId(TextGuard.checked("correlation id", s.correlationId()));
        r.setStatusReason(TextGuard.sanitized(s.statusReason()));
        r.setCreatedBy(TextGuard.checked("created by", s.createdBy()));
        r.setCreatedAt(DbTime.of(s.createdAt()));
        r.setUpdatedAt(DbTime.of(s.updatedAt()));
        r.changed(true);
        return r;
    }

    static Subscription subscription(CrvsSubscriptionRecord r) {
        return new Subscription(r.getId(), r.getCrvsId(), VitalEventType.valueOf(r.getEventType()),
                filter(r.getFilter()), SubscriptionStatus.parse(r.getStatus()), r.getCode(), r.getTransactionId(),
                r.getCorrelationId(), r.getStatusReason(), r.getCreatedBy(), r.getCreatedAt(), r.getUpdatedAt());
    }

    private static String filter(SearchQuery query) {
        if (query == null) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode();
        if (query instanceof SearchQuery.ByIdentifier byId) {
            o.putObject("identifier").put("type", byId.identifier().type().code())
                    .put("value", TextGuard.checked("filter value", byId.identifier().value()));
        } else {
            ArrayNode conditions = o.putArray("conditions");
            for (SearchCondition c : ((SearchQuery.ByPredicate) query).conditions()) {
                conditions.addObject().put("attribute", c.attribute()).put("operator", c.operator().code())
                        .put("value", TextGuard.checked("filter value", c.value()));
            }
        }
        return o.toString();
    }

    private static SearchQuery filter(String json) {
        if (json == null) {
            return null;
        }
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored subscription filter is not JSON", e);
        }
        JsonNode id = o.get("identifier");
        if (id != null) {
            return SearchQuery.identifier(Identifier.of(id.get("type").asText(), id.get("value").asText()));
        }
        List<SearchCondition> conditions = new ArrayList<>();
        for (JsonNode c : o.get("conditions")) {
            conditions.add(new SearchCondition(c.get("attribute").asText(),
                    SearchCondition.Operator.parse(c.get("operator").asText()), c.get("value").asText()));
        }
        return new SearchQuery.ByPredicate(conditions);
    }
}
