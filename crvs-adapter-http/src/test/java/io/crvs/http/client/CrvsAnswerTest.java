package io.crvs.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.port.out.CrvsCallException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrvsAnswerTest {

    private static CrvsAnswer of(int status, String body) {
        return CrvsAnswer.of("crvs", new HttpAnswer(status, body.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acks_errs_nacks_gatewayErrors_andEnvelopes_areToldApart() {
        assertThat(of(202, "{'message':{'ack_status':'ACK','correlation_id':'c-1','timestamp':'t'}}"))
                .isEqualTo(new CrvsAnswer.Ack("c-1"));
        assertThat(of(401, "{'message':{'ack_status':'ERR','error':{'code':'err.signature.invalid','message':'no'}}}"))
                .isEqualTo(new CrvsAnswer.Refusal("err.signature.invalid", "no"));
        assertThat(of(200, "{'message':{'ack_status':'ERR','error':{'code':'err.request.bad'}}}"))
                .isEqualTo(new CrvsAnswer.Refusal("err.request.bad", null));
        assertThat(of(200, "{'message':{'ack_status':'NACK'}}")).isEqualTo(new CrvsAnswer.Refusal("nack", null));
        assertThat(of(403, "{'errors':[{'code':'err.request.forbidden','message':'gateway says no'}]}"))
                .isEqualTo(new CrvsAnswer.Refusal("err.request.forbidden", "gateway says no"));
        assertThat(of(404, "<html>not found</html>")).isEqualTo(new CrvsAnswer.Refusal("http.404", null));
        assertThat(of(200, "{'header':{},'message':{}}")).isInstanceOf(CrvsAnswer.Envelope.class);
        assertThat(of(400, "{'header':{'status':'rjct','status_reason_code':'rjct.action.invalid'}}"))
                .isEqualTo(new CrvsAnswer.Refusal("rjct.action.invalid", null));
    }

    @Test
    void aSuccessThatIsNeither_isABadResponse() {
        assertThatThrownBy(() -> of(200, "not json")).isInstanceOfSatisfying(CrvsCallException.class,
                e -> assertThat(e.failure()).isEqualTo(CrvsCallException.Failure.BAD_RESPONSE));
        assertThatThrownBy(() -> of(200, "{'hello':1}")).isInstanceOfSatisfying(CrvsCallException.class,
                e -> assertThat(e.failure()).isEqualTo(CrvsCallException.Failure.BAD_RESPONSE));
    }

    @Test
    void quotedCrvsText_isCleanedAndShortened() {
        CrvsAnswer.Refusal r = (CrvsAnswer.Refusal) of(400, "{'errors':[{'code':'x','message':'" + "a\\n".repeat(400)
                + "'}]}");
        assertThat(r.message()).doesNotContain("\n").hasSizeLessThanOrEqualTo(301);
    }
}
