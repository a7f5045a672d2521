package io.crvs.app.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.http.signing.CavageSigner;
import io.crvs.http.signing.Ed25519SigningKey;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Another CRVS for the console tests, beside the demo's: its own Ed25519 key, published as a JWKS on a local
 * port, and signed {@code dci-cavage-ed25519} death notifications sent to the receiver.
 */
final class DistrictCrvs implements AutoCloseable {
    static final String SENDER_ID = "crvs.district.example";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String senderId;
    private final Ed25519SigningKey key;
    private final CavageSigner signer;
    private final Undertow jwks;
    private final HttpClient http = HttpClient.newHttpClient();

    DistrictCrvs(String senderId) {
        this.senderId = senderId;
        this.key = Ed25519SigningKey.generate(kid());
        this.signer = new CavageSigner(key);
        jwks = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send(key.publicJwks());
        }).build();
        jwks.start();
    }

    String senderId() {
        return senderId;
    }

    /** The key id it publishes. */
    String kid() {
        return senderId + "|console-key|ed25519";
    }

    String jwksUrl() {
        int port = ((InetSocketAddress) jwks.getListenerInfo().get(0).getAddress()).getPort();
        return "http://127.0.0.1:" + port + "/.well-known/jwks.json";
    }

    /** Sends one signed death of the person with that UIN; returns the HTTP status. */
    int sendDeath(URI notify, String uin, String deathDate) throws IOException, InterruptedException {
        Instant now = Instant.now();
        String messageId = UUID.randomUUID().toString();
        ObjectNode header = JSON.createObjectNode().put("version", "1.0.0").put("message_id", messageId)
                .put("message_ts", now.toString()).put("action", "notify").put("status", "succ")
                .put("total_count", 1).put("completed_count", 1).put("sender_id", senderId)
                .put("receiver_id", "registry.test").put("is_msg_encrypted", false);
        ObjectNode message = JSON.createObjectNode().put("transaction_id", "txn-" + messageId);
        ObjectNode item = message.putArray("notify_event").addObject()
                .put("reference_id", "district-" + uin).put("timestamp", now.toString());
        ObjectNode data = item.putObject("data").put("version", "1.0.0").put("reg_type", "ns:org:RegistryType:Civil")
                .put("reg_event_type", "death").put("reg_record_type", "spdci-extensions-dci:Person");
        ObjectNode person = data.putObject("reg_records").put("@type", "CRVS_Person");
        person.putArray("identifier").addObject().put("identifier_type", "UIN").put("identifier_value", uin);
        person.putObject("name").put("given_name", "Dara").put("surname", "District");
        person.put("death_date", deathDate);
        byte[] body = JSON.writeValueAsBytes(signer.envelope(header, message, now, Duration.ofMinutes(5)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(notify).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    @Override
    public void close() {
        jwks.stop();
    }
}
