package io.crvs.http.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.SearchCondition;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.VitalEventType;
import io.crvs.http.codec.DciAnswers;
import io.crvs.http.envelope.EnvelopeJson;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Strict output: the headers and messages of our DCI requests (reference §3.1, §7): {@code MsgHeader} with a fresh
 * {@code message_id}, {@code message_ts} in UTC with offset, {@code total_count} as a number; search, subscribe and
 * unsubscribe messages as the CRVS API defines them. Event types are written in the code list spelling
 * ({@code live_birth}, {@code death}, …).
 */
final class OutboundEnvelopes {

    static final String VERSION = "1.0.0";
    static final String LOCALE = "eng";
    static final String RECORD_TYPE = "spdci-extensions-dci:Person";

    private OutboundEnvelopes() {
    }

    /** A request header. {@code senderUri} may be {@code null}. */
    static ObjectNode header(String action, ClientSettings us, CrvsEndpoint to, String senderUri, int count,
                             Instant now) {
        ObjectNode h = EnvelopeJson.MAPPER.createObjectNode();
        h.put("version", VERSION);
        h.put("message_id", UUID.randomUUID().toString());
        h.put("message_ts", DciAnswers.timestamp(now));
        h.put("action", action);
        h.put("sender_id", us.senderId());
        if (senderUri != null) {
            h.put("sender_uri", senderUri);
        }
        h.put("receiver_id", to.receiverId());
        h.put("total_count", count);
        h.put("is_msg_encrypted", false);
        return h;
    }

    /** {@code {transaction_id, search_request:[…]}}, one item per search with its reference id. */
    static ObjectNode search(String transactionId, List<String> referenceIds, List<CrvsSearch> searches,
                             CrvsEndpoint to, Instant now) {
        ObjectNode m = EnvelopeJson.MAPPER.createObjectNode();
        m.put("transaction_id", transactionId);
        ArrayNode items = m.putArray("search_request");
        for (int i = 0; i < searches.size(); i++) {
            CrvsSearch s = searches.get(i);
            ObjectNode item = items.addObject();
            item.put("reference_id", referenceIds.get(i));
            item.put("timestamp", DciAnswers.timestamp(now));
            ObjectNode criteria = item.putObject("search_criteria");
            criteria.put("version", VERSION);
            criteria.put("reg_type", to.registryType());
            if (s.eventType() != null) {
                criteria.put("reg_event_type", eventType(s.eventType()));
            }
            criteria.put("reg_record_type", RECORD_TYPE);
            query(criteria, "query_type", "query", s.query());
            criteria.putObject("pagination").put("page_size", s.page().size()).put("page_number", s.page().number());
            item.put("locale", LOCALE);
        }
        return m;
    }

    /** {@code {transaction_id, subscribe_request:[…]}} for one subscription. */
    static ObjectNode subscribe(String transactionId, String referenceId, VitalEventType type, SearchQuery filter,
                                CrvsEndpoint to, Instant now) {
        ObjectNode m = EnvelopeJson.MAPPER.createObjectNode();
        m.put("transaction_id", transactionId);
        ObjectNode item = m.putArray("subscribe_request").addObject();
        item.put("reference_id", referenceId);
        item.put("timestamp", DciAnswers.timestamp(now));
        ObjectNode criteria = item.putObject("subscribe_criteria");
        criteria.put("version", VERSION);
        criteria.put("reg_type", to.registryType());
        criteria.put("reg_event_type", eventType(type));
        if (filter == null) {
            // "every person": the spec requires a filter; OpenSPP's client sends this wildcard
            criteria.put("filter_type", "idtype-value");
            criteria.putObject("filter").put("type", "*").put("value", "*");
        } else {
            query(criteria, "filter_type", "filter", filter);
        }
        criteria.put("notify_record_type", RECORD_TYPE);
        item.put("locale", LOCALE);
        return m;
    }

    /** {@code {transaction_id, timestamp, subscription_codes:[…]}}. */
    static ObjectNode unsubscribe(String transactionId, List<String> codes, Instant now) {
        ObjectNode m = EnvelopeJson.MAPPER.createObjectNode();
        m.put("transaction_id", transactionId);
        m.put("timestamp", DciAnswers.timestamp(now));
        ArrayNode list = m.putArray("subscription_codes");
        codes.forEach(list::add);
        return m;
    }

    /** The wire spelling of an event type ({@code live_birth}, {@code death}, …). */
    static String eventType(VitalEventType type) {
        return type == VitalEventType.BIRTH ? "live_birth" : type.name().toLowerCase(Locale.ROOT);
    }

    private static void query(ObjectNode parent, String typeField, String queryField, SearchQuery query) {
        if (query instanceof SearchQuery.ByIdentifier byId) {
            parent.put(typeField, "idtype-value");
            parent.putObject(queryField).put("type", byId.identifier().type().code())
                    .put("value", byId.identifier().value());
            return;
        }
        parent.put(typeField, "predicate");
        ArrayNode list = parent.putArray(queryField);
        List<SearchCondition> conditions = ((SearchQuery.ByPredicate) query).conditions();
        for (int i = 0; i < conditions.size(); i++) {
            SearchCondition c = conditions.get(i);
            ObjectNode e = list.addObject();
            e.put("seq_num", i + 1);
            e.putObject("expression1").put("attribute_name", c.attribute()).put("operator", c.operator().code())
                    .put("attribute_value", c.value());
            if (i > 0) {
                e.put("condition", "and");
            }
        }
    }
}
