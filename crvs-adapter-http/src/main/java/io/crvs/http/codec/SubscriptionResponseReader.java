package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.port.in.SubscriptionCallbacksUseCase.SubscribeOutcome;
import io.crvs.core.port.in.SubscriptionCallbacksUseCase.UnsubscribeOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the messages of the {@code on-subscribe} and {@code on-unsubscribe} callbacks (reference §7.3, §7.4).
 *
 * <p>on-subscribe: each {@code subscribe_response} item with {@code status: succ} and a code
 * ({@code subscriptions[0].code}, or {@code subscription_code} / {@code code} on the item) confirms our
 * subscription {@code reference_id}; any other status refuses it with {@code status_reason_code}.
 * on-unsubscribe: each {@code subscription_status} item {@code {code, status}} ends a subscription when its status
 * is {@code unsubscribe}, {@code unsubscribed} or {@code succ}; a message-level {@code status: rjct} refuses all.
 */
public final class SubscriptionResponseReader {

    private static final Set<String> ENDED = Set.of("unsubscribe", "unsubscribed", "succ");

    private SubscriptionResponseReader() {
    }

    /** @throws EnvelopeFormatException when the message cannot be read */
    public static List<SubscribeOutcome> subscribed(JsonNode message) {
        JsonNode items = JsonFields.member(message, "subscribe_response");
        if (items == null) {
            throw problem("subscribe_response", "is missing");
        }
        List<SubscribeOutcome> out = new ArrayList<>();
        List<JsonNode> list = JsonFields.elements(items);
        for (int i = 0; i < list.size(); i++) {
            int position = i;
            JsonFields.Problem problem = (f, w) -> problem("subscribe_response[" + position + "]." + f, w);
            JsonNode item = list.get(i);
            String ref = JsonFields.nonBlankText(JsonFields.member(item, "reference_id"), "reference_id", problem);
            if (ref == null) {
                throw problem.at("reference_id", "is missing");
            }
            String status = lower(JsonFields.nonBlankText(JsonFields.member(item, "status"), "status", problem));
            String code = code(item, problem);
            if ("succ".equals(status) && code != null) {
                out.add(new SubscribeOutcome(ref, true, SafeText.clean(code, 256), null));
            } else {
                out.add(new SubscribeOutcome(ref, false, null, reason(item, status, problem)));
            }
        }
        return out;
    }

    /** @throws EnvelopeFormatException when the message cannot be read */
    public static List<UnsubscribeOutcome> unsubscribed(JsonNode message) {
        JsonFields.Problem problem = SubscriptionResponseReader::problem;
        JsonNode items = JsonFields.member(message, "subscription_status");
        if (items == null) {
            throw problem("subscription_status", "is missing");
        }
        String overall = lower(JsonFields.nonBlankText(JsonFields.member(message, "status"), "status", problem));
        boolean refusedAll = overall != null && !overall.equals("succ");
        List<UnsubscribeOutcome> out = new ArrayList<>();
        for (JsonNode item : JsonFields.elements(items)) {
            String code = JsonFields.nonBlankText(JsonFields.member(item, "code"), "subscription_status.code",
                    problem);
            if (code == null) {
                throw problem("subscription_status.code", "is missing");
            }
            String status = lower(JsonFields.nonBlankText(JsonFields.member(item, "status"),
                    "subscription_status.status", problem));
            boolean ended = !refusedAll && status != null && ENDED.contains(status);
            out.add(new UnsubscribeOutcome(SafeText.clean(code, 256), ended,
                    ended ? null : reason(message, refusedAll ? overall : status, problem)));
        }
        return out;
    }

    private static String code(JsonNode item, JsonFields.Problem problem) {
        for (JsonNode s : JsonFields.elements(JsonFields.member(item, "subscriptions"))) {
            String code = JsonFields.nonBlankText(JsonFields.member(s, "code"), "subscriptions.code", problem);
            if (code != null) {
                return code;
            }
        }
        String field = JsonFields.firstPresent(item, "subscription_code", "code");
        return field == null ? null : JsonFields.nonBlankText(JsonFields.member(item, field), field, problem);
    }

    private static String reason(JsonNode node, String status, JsonFields.Problem problem) {
        String code = JsonFields.nonBlankText(JsonFields.member(node, "status_reason_code"), "status_reason_code",
                problem);
        String message = JsonFields.nonBlankText(JsonFields.member(node, "status_reason_message"),
                "status_reason_message", problem);
        String head = code != null ? code : status == null ? "no status" : "status " + status;
        return SafeText.clean(head + (message == null ? "" : ": " + message), SafeText.MESSAGE_LIMIT);
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static EnvelopeFormatException problem(String field, String what) {
        return new EnvelopeFormatException(EnvelopeFormatException.INVALID_MESSAGE, "message." + field + " " + what);
    }
}
