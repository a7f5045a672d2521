package io.crvs.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.http.envelope.EnvelopeJson;
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
 * A stand-in CRVS system for the demo: it has its own Ed25519 key, publishes it as a JWKS on a local HTTP port
 * (as a real CRVS does at {@code /.well-known/jwks.json}) and POSTs signed {@code dci-cavage-ed25519} notifies to
 * the receiver, exactly as OpenSPP's signer would.
 */
final class CrvsSimulator implements AutoCloseable {
    static final String SENDER_ID = "crvs.demo.example";

    private final Ed25519SigningKey key = Ed25519SigningKey.generate(SENDER_ID + "|demo-key-1|ed25519");
    private final CavageSigner signer = new CavageSigner(key);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Undertow jwksServer;
    private final int jwksPort;

    CrvsSimulator() {
        jwksServer = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send(key.publicJwks());
        }).build();
        jwksServer.start();
        jwksPort = ((InetSocketAddress) jwksServer.getListenerInfo().get(0).getAddress()).getPort();
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + jwksPort + "/.well-known/jwks.json";
    }

    /** A signed notify envelope carrying the given notify_event items. */
    byte[] notify(String messageId, Instant now, JsonNode... items) {
        ObjectNode header = EnvelopeJson.MAPPER.createObjectNode()
                .put("version", "1.0.0").put("message_id", messageId).put("message_ts", now.toString())
                .put("action", "notify").put("status", "succ").put("total_count", items.length)
                .put("completed_count", items.length).put("sender_id", SENDER_ID)
                .put("receiver_id", "registry.demo.example").put("is_msg_encrypted", false);
        ObjectNode message = EnvelopeJson.MAPPER.createObjectNode().put("transaction_id", "txn-" + messageId);
        ArrayNode events = message.putArray("notify_event");
        for (JsonNode item : items) {
            events.add(item);
        }
        try {
            return EnvelopeJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    signer.envelope(header, message, now, Duration.ofMinutes(5)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One notify item: the event type and a CRVS_Person record. */
    static ObjectNode item(String eventType, ObjectNode person) {
        ObjectNode item = EnvelopeJson.MAPPER.createObjectNode()
                .put("reference_id", "evt-" + UUID.randomUUID()).put("timestamp", Instant.now().toString());
        ObjectNode data = item.putObject("data").put("version", "1.0.0").put("reg_type", "ns:org:RegistryType:Civil")
                .put("reg_event_type", eventType).put("reg_record_type", "spdci-extensions-dci:Person");
        data.set("reg_records", person);
        item.put("locale", "eng");
        return item;
    }

    static ObjectNode person(String given, String surname, String... typeValuePairs) {
        ObjectNode p = EnvelopeJson.MAPPER.createObjectNode().put("@type", "CRVS_Person");
        ArrayNode ids = p.putArray("identifier");
        for (int i = 0; i < typeValuePairs.length; i += 2) {
            ids.addObject().put("identifier_type", typeValuePairs[i]).put("identifier_value", typeValuePairs[i + 1]);
        }
        p.putObject("name").put("given_name", given).put("surname", surname);
        return p;
    }

    /** POSTs a body to the receiver; returns the status and the answer. */
    HttpResponse<String> post(URI notifyUrl, byte[] body) {
        try {
            return http.send(HttpRequest.newBuilder(notifyUrl).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the receiver at " + notifyUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        jwksServer.stop();
    }
}
