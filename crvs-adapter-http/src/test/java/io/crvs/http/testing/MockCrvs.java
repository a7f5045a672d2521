package io.crvs.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.Verification;
import io.crvs.core.testing.InMemorySenderRegistry;
import io.crvs.http.codec.DciAnswers;
import io.crvs.http.envelope.EnvelopeJson;
import io.crvs.http.envelope.ReceivedEnvelope;
import io.crvs.http.keys.JwksKeyFetcher;
import io.crvs.http.keys.KeySettings;
import io.crvs.http.keys.SenderKeyCache;
import io.crvs.http.signature.ProfileSignatureVerifier;
import io.crvs.http.signature.SignatureSettings;
import io.crvs.http.signing.CavageSigner;
import io.crvs.http.signing.Ed25519SigningKey;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in CRVS registry for the outbound client's tests, on Undertow at 127.0.0.1 (ephemeral port). It holds a
 * small registry of CRVS_Person records, publishes its Ed25519 key at {@code /.well-known/jwks.json}, issues
 * OAuth2 client-credentials tokens at {@code /oauth2/client/token}, and serves under a path prefix
 * ({@code /registry} by default): {@code /sync/search} (a signed envelope), {@code /search} (ACK, then a signed
 * {@code on-search} POSTed to {@code header.sender_uri}), {@code /subscribe} and {@code /unsubscribe} (ACK, then
 * {@code on-subscribe} / {@code on-unsubscribe}). Every request's signature is verified with the caller's
 * published JWKS, as a real CRVS would; a bad one is answered 401 ERR {@code err.signature.invalid}. It can push
 * signed notifies to a subscriber.
 *
 * <p>Faults on demand: down ({@link #close}), slow (requests hang until {@link #release}), answers signed with a
 * key it does not publish, ERR acknowledgements, 503 a number of times, a token that expires.
 */
public final class MockCrvs implements AutoCloseable {

    /** How the next requests are answered. */
    public enum Mode { NORMAL, SLOW, BAD_SIGNATURE, ERR_ACK, WRONG_SENDER }

    public final String senderId;
    private final Ed25519SigningKey key;
    private final Ed25519SigningKey rogueKey;
    private final String prefix;
    private final Undertow server;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mock-crvs-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final InMemorySenderRegistry callers = new InMemorySenderRegistry();
    private final ProfileSignatureVerifier verifier;
    private final Map<String, List<ObjectNode>> registry = new ConcurrentHashMap<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.NORMAL);
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<String> errCode = new AtomicReference<>("err.request.bad");
    private volatile CountDownLatch slow = new CountDownLatch(1);
    private volatile boolean callbacksBeforeAck;
    private volatile boolean splitOnSearch;
    private volatile boolean noOnSearch;

    /** Every request received on a DCI path: path, Authorization header, body. */
    public final List<Received> requests = new CopyOnWriteArrayList<>();
    /** Every callback it POSTed: the URL and our server's HTTP status. */
    public final List<String> callbacksSent = new CopyOnWriteArrayList<>();
    /** Subscriptions it granted: code → the subscribe request item. */
    public final Map<String, JsonNode> subscriptions = new ConcurrentHashMap<>();

    private final String clientId;
    private final String clientSecret;
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger tokenSeq = new AtomicInteger();
    private volatile long tokenLifetimeSeconds = 3600;
    private volatile boolean requireToken;
    private volatile boolean tokensRefused;

    /** One request as received. */
    public record Received(String path, String authorization, JsonNode body) {
    }

    /** A CRVS with the standard {@code /registry} paths, no OAuth2. */
    public MockCrvs(String senderId) {
        this(senderId, "/registry", null, null);
    }

    /**
     * @param prefix       the DCI path prefix ({@code /registry} or {@code /crvs})
     * @param clientId     the OAuth2 client it knows, or {@code null} for no bearer tokens
     * @param clientSecret that client's secret
     */
    public MockCrvs(String senderId, String prefix, String clientId, String clientSecret) {
        this.senderId = senderId;
        this.prefix = prefix;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.requireToken = clientId != null;
        this.key = Ed25519SigningKey.generate(senderId + "|mock-key-1|ed25519");
        this.rogueKey = Ed25519SigningKey.generate(senderId + "|mock-key-1|ed25519");
        KeySettings keySettings = KeySettings.defaults();
        this.verifier = new ProfileSignatureVerifier(new SenderKeyCache(new JwksKeyFetcher(keySettings,
                InstantSource.system()), callers, keySettings, InstantSource.system(), Runnable::run),
                SignatureSettings.defaults());
        server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(new BlockingHandler(this::handle)).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** {@code http://127.0.0.1:port}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String jwksUrl() {
        return baseUrl() + "/.well-known/jwks.json";
    }

    public URI tokenUrl() {
        return URI.create(baseUrl() + "/oauth2/client/token");
    }

    /** The CRVS as we register it: its JWKS URL, profile {@code dci-cavage-ed25519}. */
    public Sender asSender() {
        return Sender.register(senderId, "Mock CRVS", jwksUrl(), SignatureProfile.DCI_CAVAGE_ED25519, Set.of());
    }

    /** Trusts a caller: its requests are verified with the JWKS it publishes, in its profile. */
    public MockCrvs trust(String callerSenderId, String callerJwksUrl, SignatureProfile profile) {
        callers.save(Sender.register(callerSenderId, callerSenderId, callerJwksUrl, profile, Set.of()));
        return this;
    }

    /** Adds a CRVS_Person record, found by each of its identifiers. */
    public MockCrvs holds(ObjectNode person) {
        for (JsonNode id : person.path("identifier")) {
            registry.computeIfAbsent(id.path("identifier_type").asText() + ":" + id.path("identifier_value").asText(),
                    k -> new CopyOnWriteArrayList<>()).add(person);
        }
        return this;
    }

    public void mode(Mode m) {
        mode.set(m);
    }

    /** The code of the ERR acknowledgements of mode {@link Mode#ERR_ACK}. */
    public void errCode(String code) {
        errCode.set(code);
    }

    /** The next {@code n} DCI requests are answered 503. */
    public void unavailableFor(int n) {
        failuresLeft.set(n);
    }

    /** Lets the requests that {@link Mode#SLOW} holds go on. */
    public void release() {
        slow.countDown();
    }

    /** Whether callbacks are POSTed before the ACK is returned (deterministic tests) or after. */
    public void callbacksBeforeAck(boolean before) {
        callbacksBeforeAck = before;
    }

    /** Answers an async search in two on-search callbacks when it has two or more items. */
    public void splitOnSearch(boolean split) {
        splitOnSearch = split;
    }

    /** ACKs async searches but never calls back. */
    public void noOnSearch(boolean none) {
        noOnSearch = none;
    }

    /** Every token issued so far stops working (401), as after its expiry. */
    public void expireTokens() {
        validTokens.clear();
    }

    /** Every token, even a fresh one, is refused with 401 (a CRVS that no longer accepts us). */
    public void refuseAllTokens(boolean refuse) {
        tokensRefused = refuse;
    }

    public void tokenLifetime(Duration d) {
        tokenLifetimeSeconds = d.toSeconds();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** The DCI requests received on {@code path} below the prefix ({@code /sync/search}). */
    public List<Received> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(prefix + path)).toList();
    }

    private void handle(HttpServerExchange ex) throws IOException {
        String path = ex.getRequestPath();
        if (path.equals("/.well-known/jwks.json")) {
            send(ex, 200, key.publicJwks().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (path.equals("/oauth2/client/token")) {
            token(ex);
            return;
        }
        byte[] body = ex.getInputStream().readAllBytes();
        JsonNode json = EnvelopeJson.parse(body);
        String auth = ex.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        requests.add(new Received(path, auth, json));
        if (mode.get() == Mode.SLOW) {
            awaitRelease();
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(ex, 503, "{\"errors\":[{\"code\":\"err.service.unavailable\",\"message\":\"busy\"}]}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (requireToken && (tokensRefused || auth == null
                || !validTokens.contains(auth.replaceFirst("^Bearer ", "")))) {
            send(ex, 401, err("err.request.unauthorized", "bearer token missing or expired"));
            return;
        }
        Verification verdict;
        try {
            verdict = verifier.verify(callers.find(json.path("header").path("sender_id").asText())
                    .orElseThrow(() -> new IllegalStateException("untrusted caller")),
                    new ReceivedEnvelope(body, (ObjectNode) json, Optional.empty()), Instant.now());
        } catch (io.crvs.core.port.out.KeysUnavailableException e) {
            send(ex, 503, err("err.service.unavailable", "caller keys unavailable"));
            return;
        }
        if (verdict instanceof Verification.Rejected r) {
            send(ex, 401, err(r.code().code(), "signature rejected: " + r.reason().code()));
            return;
        }
        if (mode.get() == Mode.ERR_ACK) {
            send(ex, 400, err(errCode.get(), "refused by the mock"));
            return;
        }
        if (path.equals(prefix + "/sync/search")) {
            send(ex, 200, signed(onSearch(json, List.of())));
        } else if (path.equals(prefix + "/search")) {
            asyncSearch(ex, json);
        } else if (path.equals(prefix + "/subscribe")) {
            callbackAfterAck(ex, json, () -> post(json.path("header").path("sender_uri").asText(),
                    signed(onSubscribe(json))));
        } else if (path.equals(prefix + "/unsubscribe")) {
            callbackAfterAck(ex, json, () -> post(json.path("header").path("sender_uri").asText(),
                    signed(onUnsubscribe(json))));
        } else {
            send(ex, 404, err("err.request.not_found", "no such endpoint"));
        }
    }

    private void asyncSearch(HttpServerExchange ex, JsonNode request) {
        if (noOnSearch) {
            send(ex, 202, DciAnswers.ack("corr-" + UUID.randomUUID(), Instant.now()));
            return;
        }
        String uri = request.path("header").path("sender_uri").asText();
        int items = request.path("message").path("search_request").size();
        Runnable callback = () -> {
            if (splitOnSearch && items > 1) {
                post(uri, signed(onSearch(request, List.of(0))));
                post(uri, signed(onSearch(request, rangeFrom(1, items))));
            } else {
                post(uri, signed(onSearch(request, List.of())));
            }
        };
        callbackAfterAck(ex, request, callback);
    }

    private static List<Integer> rangeFrom(int from, int to) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i < to; i++) {
            l.add(i);
        }
        return l;
    }

    private void callbackAfterAck(HttpServerExchange ex, JsonNode request, Runnable callback) {
        if (callbacksBeforeAck) {
            callback.run();
        } else {
            callbacks.execute(callback);
        }
        send(ex, 202, DciAnswers.ack("corr-" + request.path("message").path("transaction_id").asText(),
                Instant.now()));
    }

    /** The search answer; {@code only} limits it to those item positions (empty: all). */
    private ObjectNode onSearch(JsonNode request, List<Integer> only) {
        ObjectNode message = EnvelopeJson.MAPPER.createObjectNode();
        message.put("transaction_id", request.path("message").path("transaction_id").asText());
        message.put("correlation_id", "corr-" + UUID.randomUUID());
        ArrayNode out = message.putArray("search_response");
        JsonNode items = request.path("message").path("search_request");
        for (int i = 0; i < items.size(); i++) {
            if (!only.isEmpty() && !only.contains(i)) {
                continue;
            }
            JsonNode item = items.get(i);
            JsonNode criteria = item.path("search_criteria");
            ObjectNode answer = out.addObject();
            answer.put("reference_id", item.path("reference_id").asText());
            answer.put("timestamp", DciAnswers.timestamp(Instant.now()));
            List<ObjectNode> found = find(criteria);
            if (found == null) {
                answer.put("status", "rjct");
                answer.put("status_reason_code", "rjct.search_criteria.invalid");
                continue;
            }
            int size = criteria.path("pagination").path("page_size").asInt(10);
            int number = criteria.path("pagination").path("page_number").asInt(1);
            List<ObjectNode> page = found.subList(Math.min(found.size(), (number - 1) * size),
                    Math.min(found.size(), number * size));
            answer.put("status", "succ");
            ObjectNode data = answer.putObject("data");
            data.put("version", "1.0.0").put("reg_type", "ns:org:RegistryType:Civil")
                    .put("reg_record_type", "spdci-extensions-dci:Person");
            ArrayNode records = data.putArray("reg_records");
            page.forEach(records::add);
            answer.putObject("pagination").put("page_size", size).put("page_number", number)
                    .put("total_count", found.size());
            answer.put("locale", "eng");
        }
        return envelope("on-search", request, message, out.size());
    }

    /** The records a search finds; {@code null} for a query it refuses. */
    private List<ObjectNode> find(JsonNode criteria) {
        String type = criteria.path("query_type").asText();
        List<ObjectNode> found = new ArrayList<>();
        if (type.equals("idtype-value")) {
            JsonNode q = criteria.path("query");
            if (q.path("value").asText().equals("REFUSE-ME")) {
                return null;
            }
            found.addAll(registry.getOrDefault(q.path("type").asText() + ":" + q.path("value").asText(), List.of()));
        } else if (type.equals("predicate")) {
            Map<ObjectNode, Boolean> all = new java.util.IdentityHashMap<>();
            registry.values().forEach(l -> l.forEach(p -> all.put(p, true)));
            for (ObjectNode p : all.keySet()) {
                boolean match = true;
                for (JsonNode e : criteria.path("query")) {
                    JsonNode x = e.path("expression1");
                    String actual = p.path(x.path("attribute_name").asText()).asText("");
                    String wanted = x.path("attribute_value").asText();
                    int cmp = actual.compareTo(wanted);
                    match &= switch (x.path("operator").asText()) {
                        case "eq" -> cmp == 0;
                        case "ge" -> !actual.isEmpty() && cmp >= 0;
                        case "le" -> !actual.isEmpty() && cmp <= 0;
                        case "gt" -> !actual.isEmpty() && cmp > 0;
                        case "lt" -> !actual.isEmpty() && cmp < 0;
                        default -> false;
                    };
                }
                if (match) {
                    found.add(p);
                }
            }
            found.sort(java.util.Comparator.comparing(p -> p.toString()));
        } else {
            return null;
        }
        String event = criteria.path("reg_event_type").asText("");
        if (event.equals("death")) {
            found.removeIf(p -> p.path("death_date").asText("").isEmpty());
        }
        return found;
    }

    private ObjectNode onSubscribe(JsonNode request) {
        ObjectNode message = EnvelopeJson.MAPPER.createObjectNode();
        message.put("transaction_id", request.path("message").path("transaction_id").asText());
        message.put("correlation_id", "corr-" + UUID.randomUUID());
        ArrayNode out = message.putArray("subscribe_response");
        for (JsonNode item : request.path("message").path("subscribe_request")) {
            String code = "SUB-" + (subscriptions.size() + 1);
            subscriptions.put(code, item);
            ObjectNode answer = out.addObject();
            answer.put("reference_id", item.path("reference_id").asText());
            answer.put("timestamp", DciAnswers.timestamp(Instant.now()));
            answer.put("status", "succ");
            answer.putArray("subscriptions").addObject().put("code", code).put("status", "subscribe")
                    .put("timestamp", DciAnswers.timestamp(Instant.now()))
                    .put("reg_event_type", item.path("subscribe_criteria").path("reg_event_type").asText());
        }
        return envelope("on-subscribe", request, message, out.size());
    }

    private ObjectNode onUnsubscribe(JsonNode request) {
        ObjectNode message = EnvelopeJson.MAPPER.createObjectNode();
        message.put("transaction_id", request.path("message").path("transaction_id").asText());
        message.put("correlation_id", "corr-" + UUID.randomUUID());
        message.put("timestamp", DciAnswers.timestamp(Instant.now()));
        message.put("status", "succ");
        ArrayNode out = message.putArray("subscription_status");
        for (JsonNode code : request.path("message").path("subscription_codes")) {
            boolean known = subscriptions.remove(code.asText()) != null;
            out.addObject().put("code", code.asText()).put("status", known ? "unsubscribe" : "subscribe");
        }
        return envelope("on-unsubscribe", request, message, out.size());
    }

    private ObjectNode envelope(String action, JsonNode request, ObjectNode message, int count) {
        ObjectNode header = EnvelopeJson.MAPPER.createObjectNode();
        header.put("version", "1.0.0").put("message_id", "mock-" + UUID.randomUUID())
                .put("message_ts", DciAnswers.timestamp(Instant.now())).put("action", action).put("status", "succ")
                .put("total_count", count).put("completed_count", count)
                .put("sender_id", mode.get() == Mode.WRONG_SENDER ? "impostor.crvs" : senderId)
                .put("receiver_id", request.path("header").path("sender_id").asText())
                .put("is_msg_encrypted", false);
        ObjectNode e = EnvelopeJson.MAPPER.createObjectNode();
        e.set("header", header);
        e.set("message", message);
        return e;
    }

    /** The envelope signed (by the published key, or by a rogue one in mode {@link Mode#BAD_SIGNATURE}). */
    private byte[] signed(ObjectNode unsigned) {
        Ed25519SigningKey signer = mode.get() == Mode.BAD_SIGNATURE ? rogueKey : key;
        ObjectNode e = new CavageSigner(signer).envelope((ObjectNode) unsigned.get("header"), unsigned.get("message"),
                Instant.now(), Duration.ofMinutes(5));
        return bytes(e);
    }

    /**
     * Sends our subscriber a signed notify of one event.
     *
     * @param notifyUrl the subscriber's notify endpoint
     * @return the HTTP status it answered
     */
    public int pushNotify(URI notifyUrl, String eventType, ObjectNode person) {
        ObjectNode header = EnvelopeJson.MAPPER.createObjectNode();
        header.put("version", "1.0.0").put("message_id", "mock-ntf-" + UUID.randomUUID())
                .put("message_ts", DciAnswers.timestamp(Instant.now())).put("action", "notify").put("status", "succ")
                .put("total_count", 1).put("completed_count", 1).put("sender_id", senderId)
                .put("is_msg_encrypted", false);
        ObjectNode message = EnvelopeJson.MAPPER.createObjectNode();
        message.put("transaction_id", "mock-txn-" + UUID.randomUUID());
        ObjectNode item = message.putArray("notify_event").addObject();
        item.put("reference_id", "mock-evt-" + UUID.randomUUID()).put("timestamp", DciAnswers.timestamp(Instant.now()));
        ObjectNode data = item.putObject("data");
        data.put("version", "1.0.0").put("reg_type", "ns:org:RegistryType:Civil").put("reg_event_type", eventType)
                .put("reg_record_type", "spdci-extensions-dci:Person");
        data.set("reg_records", person);
        item.put("locale", "eng");
        ObjectNode e = new CavageSigner(key).envelope(header, message, Instant.now(), Duration.ofMinutes(5));
        return post(notifyUrl.toString(), bytes(e));
    }

    /** A CRVS_Person record with identifiers ({@code "UIN", "U-1", "BRN", "B-1"}). */
    public static ObjectNode person(String given, String surname, String birthDate, String... typeValues) {
        ObjectNode p = EnvelopeJson.MAPPER.createObjectNode().put("@type", "CRVS_Person");
        ArrayNode ids = p.putArray("identifier");
        for (int i = 0; i < typeValues.length; i += 2) {
            ids.addObject().put("identifier_type", typeValues[i]).put("identifier_value", typeValues[i + 1]);
        }
        p.putObject("name").put("given_name", given).put("surname", surname);
        p.put("sex", "female");
        if (birthDate != null) {
            p.put("birth_date", birthDate);
        }
        return p;
    }

    private int post(String url, byte[] body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            callbacksSent.add(url + " " + r.statusCode());
            return r.statusCode();
        } catch (IOException e) {
            callbacksSent.add(url + " failed: " + e);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void token(HttpServerExchange ex) throws IOException {
        tokenRequests.incrementAndGet();
        String form = new String(ex.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!"client_credentials".equals(fields.get("grant_type")) || clientId == null
                || !clientId.equals(fields.get("client_id")) || !clientSecret.equals(fields.get("client_secret"))) {
            send(ex, 401, "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String token = "tok-" + tokenSeq.incrementAndGet();
        validTokens.add(token);
        send(ex, 200, ("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + tokenLifetimeSeconds + "}").getBytes(StandardCharsets.UTF_8));
    }

    private void awaitRelease() {
        try {
            if (!slow.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the slow mode was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] err(String code, String message) {
        return DciAnswers.error("mock-" + UUID.randomUUID(), Instant.now(), code, message);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return EnvelopeJson.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpServerExchange ex, int status, byte[] body) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        ex.getResponseSender().send(ByteBuffer.wrap(body));
    }

    @Override
    public void close() {
        release();
        callbacks.shutdownNow();
        server.stop();
    }
}
