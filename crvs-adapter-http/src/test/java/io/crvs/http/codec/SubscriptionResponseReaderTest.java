package io.crvs.http.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.port.in.SubscriptionCallbacksUseCase.SubscribeOutcome;
import io.crvs.core.port.in.SubscriptionCallbacksUseCase.UnsubscribeOutcome;
import io.crvs.http.envelope.EnvelopeJson;
import org.junit.jupiter.api.Test;

class SubscriptionResponseReaderTest {

    private static JsonNode json(String s) throws Exception {
        return EnvelopeJson.MAPPER.readTree(s.replace('\'', '"'));
    }

    @Test
    void onSubscribe_succWithACode_confirms_andAnythingElseRefusesWithItsReason() throws Exception {
        JsonNode m = json("{'transaction_id':'t','subscribe_response':["
                + "{'reference_id':'a','status':'succ','subscriptions':[{'code':'SUB-1','status':'subscribe'}]},"
                + "{'reference_id':'b','status':'succ','subscription_code':'SUB-2'},"
                + "{'reference_id':'c','status':'rjct','status_reason_code':'rjct.event.already_subscribed'},"
                + "{'reference_id':'d','status':'succ'}]}");

        assertThat(SubscriptionResponseReader.subscribed(m)).containsExactly(
                new SubscribeOutcome("a", true, "SUB-1", null),
                new SubscribeOutcome("b", true, "SUB-2", null),
                new SubscribeOutcome("c", false, null, "rjct.event.already_subscribed"),
                new SubscribeOutcome("d", false, null, "status succ"));
    }

    @Test
    void onUnsubscribe_endedStatuses_andAMessageLevelRejection() throws Exception {
        assertThat(SubscriptionResponseReader.unsubscribed(json("{'subscription_status':[{'code':'A',"
                + "'status':'unsubscribe'},{'code':'B','status':'subscribe'}]}"))).containsExactly(
                new UnsubscribeOutcome("A", true, null), new UnsubscribeOutcome("B", false, "status subscribe"));
        assertThat(SubscriptionResponseReader.unsubscribed(json("{'status':'rjct','status_reason_code':"
                + "'rjct.subscription_code.invalid','subscription_status':[{'code':'A','status':'unsubscribe'}]}")))
                .containsExactly(new UnsubscribeOutcome("A", false, "rjct.subscription_code.invalid"));
    }

    @Test
    void missingParts_areFormatErrors() throws Exception {
        assertThatThrownBy(() -> SubscriptionResponseReader.subscribed(json("{}")))
                .isInstanceOf(EnvelopeFormatException.class).hasMessageContaining("subscribe_response");
        assertThatThrownBy(() -> SubscriptionResponseReader.subscribed(json("{'subscribe_response':[{'status':'succ'}]}")))
                .isInstanceOf(EnvelopeFormatException.class).hasMessageContaining("reference_id");
        assertThatThrownBy(() -> SubscriptionResponseReader.unsubscribed(json("{'subscription_status':[{}]}")))
                .isInstanceOf(EnvelopeFormatException.class).hasMessageContaining("code");
    }
}
