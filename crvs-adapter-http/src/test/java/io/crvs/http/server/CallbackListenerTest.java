package io.crvs.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.port.out.StoreUnavailableException;
import io.crvs.http.codec.EnvelopeFormatException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The callback hook: told about new verified callbacks before they are stored; what it throws is answered. */
class CallbackListenerTest {

    private final StubVerifier verifier = new StubVerifier();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final AtomicReference<RuntimeException> fault = new AtomicReference<>();
    private ServerFixture fx;

    @BeforeEach
    void start() {
        fx = new ServerFixture(verifier, ServerFixture.testConfig(), b -> b.callbacks((route, sender, callback) -> {
            RuntimeException f = fault.get();
            if (f != null) {
                throw f;
            }
            told.add(route.action() + " " + sender.senderId() + " " + callback.transactionId() + " stored:"
                    + fx.store.findMessage(sender.senderId(), callback.header().messageId()).isPresent());
        }));
        fx.register(ServerFixture.SENDER, SignatureProfile.DCI_CAVAGE_ED25519);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aNewVerifiedCallback_isHandedOverBeforeItIsStored_andARedeliveryIsNot() {
        assertThat(fx.post("/registry/on-search", TestEnvelopes.callback("1", "on-search")).status()).isEqualTo(202);
        assertThat(fx.post("/registry/on-search", TestEnvelopes.callback("1", "on-search")).status()).isEqualTo(202);
        assertThat(fx.post("/crvs/on-subscribe", TestEnvelopes.callback("2", "on-subscribe")).status())
                .isEqualTo(202);

        assertThat(told).containsExactly("on-search crvs.example.gov txn-1 stored:false",
                "on-subscribe crvs.example.gov txn-2 stored:false");
        assertThat(fx.store.findMessage(ServerFixture.SENDER, "cb-1")).isPresent();
    }

    @Test
    void notifies_andUnverifiedCallbacks_areNotHandedOver() {
        assertThat(fx.post("/registry/notify", TestEnvelopes.birth("3")).status()).isEqualTo(202);
        String forged = TestEnvelopes.envelope("bad-signature", TestEnvelopes.header("cb-4", "on-search",
                ServerFixture.SENDER), "{\"transaction_id\":\"txn-4\"}");
        assertThat(fx.post("/registry/on-search", forged).status()).isEqualTo(401);

        assertThat(told).isEmpty();
    }

    @Test
    void whatTheListenerThrows_isAnsweredAndNothingIsStored() {
        fault.set(new EnvelopeFormatException(EnvelopeFormatException.INVALID_MESSAGE, "message.x is wrong"));
        ServerFixture.Response bad = fx.post("/registry/on-search", TestEnvelopes.callback("5", "on-search"));
        fault.set(new StoreUnavailableException("down", null));
        ServerFixture.Response down = fx.post("/registry/on-search", TestEnvelopes.callback("6", "on-search"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("message").path("error").path("code").asText()).isEqualTo("err.request.bad");
        assertThat(down.status()).isEqualTo(503);
        assertThat(fx.store.findMessage(ServerFixture.SENDER, "cb-5")).isEmpty();
        assertThat(fx.store.findMessage(ServerFixture.SENDER, "cb-6")).isEmpty();
    }
}
