package io.crvs.http.signature;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.envelope.ReceivedEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** Test helper: senders and envelopes for the signature tests. */
final class TestMessages {

    static final String SENDER_ID = "crvs.example.gov";
    static final String HEADER = "{\"version\":\"1.0.0\",\"message_id\":\"m-1\",\"action\":\"notify\","
            + "\"sender_id\":\"crvs.example.gov\",\"receiver_id\":\"registry.example.org\",\"total_count\":1}";
    static final String MESSAGE = "{\"transaction_id\":\"t-1\",\"notify_event\":[{\"amount\":1.50,\"n\":7,"
            + "\"name\":\"Zo\u00eb \uD83D\uDE00\"}]}";

    private TestMessages() {
    }

    static Sender sender(SignatureProfile profile, String... allowed) {
        return Sender.register(SENDER_ID, "CRVS", "https://keys.test/jwks.json", profile, Set.of(allowed));
    }

    /** An envelope {signature?, header, message} from JSON text (signature omitted when null). */
    static ReceivedEnvelope envelope(String signatureJson, String header, String message, String signatureHeader) {
        String body = "{" + (signatureJson == null ? "" : "\"signature\":" + signatureJson + ",")
                + (header == null ? "" : "\"header\":" + header + ",") + "\"message\":" + message + "}";
        return raw(body.getBytes(StandardCharsets.UTF_8), signatureHeader);
    }

    static ReceivedEnvelope raw(byte[] body, String signatureHeader) {
        try {
            return EnvelopeJson.envelope(body, EnvelopeJson.parse(body), Optional.ofNullable(signatureHeader))
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
