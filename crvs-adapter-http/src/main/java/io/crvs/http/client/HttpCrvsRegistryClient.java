package io.crvs.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.SearchAnswer;
import io.crvs.core.domain.SearchPage;
import io.crvs.core.domain.SearchResponse;
import io.crvs.core.port.in.SubscriptionCallbacksUseCase;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsCallException.Failure;
import io.crvs.core.port.out.CrvsRegistryClient;
import io.crvs.core.port.out.SenderRegistry;
import io.crvs.core.port.out.SignatureVerifier;
import io.crvs.http.codec.EnvelopeFormatException;
import io.crvs.http.codec.SearchResponseReader;
import io.crvs.http.server.CallbackListener;
import io.crvs.http.signing.Ed25519SigningKey;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * HTTP adapter of the outbound port: calls CRVS registries over signed DCI. Each request is signed with our
 * current key in the profile agreed with that CRVS ({@link RequestSigner}), carries its bearer token and is sent
 * with retries for transient failures ({@link DciPoster}). Answers are trusted only once verified:
 * <ul>
 *   <li>sync search: the HTTP response is a full envelope that must be signed by that CRVS (its registered keys
 *       and profile) and answer our {@code transaction_id} and every {@code reference_id};</li>
 *   <li>async search: the CRVS ACKs, then POSTs {@code on-search} to our callback endpoint, where the server
 *       verifies it and hands it to {@link #callbackListener}; the caller waits up to the configured time;</li>
 *   <li>subscribe and unsubscribe: the ACK's correlation id is returned; the outcome arrives by callback.</li>
 * </ul>
 * An {@code ERR}/{@code NACK} acknowledgement, a 4xx or a {@code rjct} status is {@link Failure#REJECTED} with the
 * CRVS's code. Thread-safe.
 */
public final class HttpCrvsRegistryClient implements CrvsRegistryClient {

    private final Map<String, CrvsEndpoint> endpoints;
    private final Map<String, DciPoster> posters;
    private final ClientSettings settings;
    private final RequestSigner signer;
    private final SignedAnswerVerifier verifier;
    private final PendingSearches pending = new PendingSearches();
    private final InstantSource clock;
    private final List<String> order;

    private HttpCrvsRegistryClient(Builder b) {
        this.settings = b.settings;
        this.clock = b.clock;
        this.signer = new RequestSigner(b.keys, b.settings.signatureValidity());
        this.verifier = new SignedAnswerVerifier(b.senders, b.signatureVerifier);
        Map<String, CrvsEndpoint> byId = new LinkedHashMap<>();
        Map<String, DciPoster> byIdPosters = new LinkedHashMap<>();
        for (CrvsEndpoint e : b.endpoints) {
            if (byId.putIfAbsent(e.crvsId(), e) != null) {
                throw new IllegalArgumentException("CRVS " + e.crvsId() + " is configured twice");
            }
            HttpClient http = b.http != null ? b.http : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(e.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
            byIdPosters.put(e.crvsId(), new DciPoster(http, e, new AccessTokens(e, http, b.clock), b.sleeper));
        }
        this.endpoints = Map.copyOf(byId);
        this.posters = Map.copyOf(byIdPosters);
        this.order = List.copyOf(byId.keySet());
    }

    /**
     * @param settings          our sender id, callback URL, timeouts
     * @param keys              our current signing key (read from the key store per request)
     * @param senders           the registered senders (each CRVS we call must be one)
     * @param signatureVerifier checks the CRVS's signatures by its profile
     */
    public static Builder builder(ClientSettings settings, Supplier<Ed25519SigningKey> keys, SenderRegistry senders,
                                  SignatureVerifier signatureVerifier) {
        return new Builder(settings, keys, senders, signatureVerifier);
    }

    /** The hook to install on our server ({@code DciHttpServer.Builder.callbacks}) to receive the callbacks. */
    public CallbackListener callbackListener(SubscriptionCallbacksUseCase subscriptions) {
        return new CrvsCallbacks(pending, subscriptions);
    }

    /** The configured CRVS. */
    public List<CrvsEndpoint> endpoints() {
        return order.stream().map(endpoints::get).toList();
    }

    @Override
    public List<String> crvsIds() {
        return order;
    }

    @Override
    public SearchResponse search(String crvsId, List<CrvsSearch> searches) {
        CrvsEndpoint to = endpoint(crvsId);
        if (searches.isEmpty()) {
            throw new IllegalArgumentException("a search request needs at least one search");
        }
        Instant now = clock.instant();
        String txn = UUID.randomUUID().toString();
        LinkedHashMap<String, SearchPage> refs = new LinkedHashMap<>();
        searches.forEach(s -> refs.put(UUID.randomUUID().toString(), s.page()));
        ObjectNode message = OutboundEnvelopes.search(txn, new ArrayList<>(refs.keySet()), searches, to, now);
        return to.searchMode() == SearchMode.SYNC ? syncSearch(to, txn, refs, message, now)
                : asyncSearch(to, txn, refs, message, now);
    }

    @Override
    public String subscribe(String crvsId, SubscribeRequest request) {
        CrvsEndpoint to = endpoint(crvsId);
        Instant now = clock.instant();
        ObjectNode message = OutboundEnvelopes.subscribe(request.transactionId(), request.referenceId(),
                request.eventType(), request.filter(), to, now);
        return acknowledged(to, to.paths().subscribe(), OutboundEnvelopes.header("subscribe", settings, to,
                settings.senderUri("/on-subscribe"), 1, now), message, now);
    }

    @Override
    public String unsubscribe(String crvsId, String transactionId, List<String> codes) {
        CrvsEndpoint to = endpoint(crvsId);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("an unsubscribe request needs at least one subscription code");
        }
        Instant now = clock.instant();
        return acknowledged(to, to.paths().unsubscribe(), OutboundEnvelopes.header("unsubscribe", settings, to,
                settings.senderUri("/on-unsubscribe"), codes.size(), now),
                OutboundEnvelopes.unsubscribe(transactionId, codes, now), now);
    }

    private SearchResponse syncSearch(CrvsEndpoint to, String txn, LinkedHashMap<String, SearchPage> refs,
                                      ObjectNode message, Instant now) {
        ObjectNode header = OutboundEnvelopes.header("search", settings, to, null, refs.size(), now);
        CrvsAnswer answer = CrvsAnswer.of(to.crvsId(), posters.get(to.crvsId()).post(to.paths().syncSearch(),
                signer.sign(to.crvsId(), to.profile(), header, message, now)));
        if (answer instanceof CrvsAnswer.Refusal r) {
            throw r.toException(to.crvsId());
        }
        if (answer instanceof CrvsAnswer.Ack) {
            throw new CrvsCallException(Failure.BAD_RESPONSE, to.crvsId(), "CRVS " + to.crvsId() + " acknowledged"
                    + " a synchronous search instead of answering it; configure its search mode as async");
        }
        byte[] body = ((CrvsAnswer.Envelope) answer).body();
        SignedAnswerVerifier.Verified verified = verifier.verify(to.crvsId(), body, clock.instant());
        JsonNode h = verified.envelope().envelope().header();
        if (h.path("status").asText("").equalsIgnoreCase("rjct")) {
            String code = h.path("status_reason_code").asText("rjct");
            throw new CrvsCallException(Failure.REJECTED, to.crvsId(), code, "CRVS " + to.crvsId()
                    + " refused the search: " + code, null);
        }
        if (!txn.equals(verified.envelope().transactionId())) {
            throw new CrvsCallException(Failure.BAD_RESPONSE, to.crvsId(), "the answer of CRVS " + to.crvsId()
                    + " is not for our transaction id");
        }
        Map<String, SearchAnswer> found;
        try {
            found = SearchResponseReader.read(verified.envelope().envelope().message(), refs);
        } catch (EnvelopeFormatException e) {
            throw new CrvsCallException(Failure.BAD_RESPONSE, to.crvsId(), null, "the answer of CRVS " + to.crvsId()
                    + " cannot be read: " + e.getMessage(), e);
        }
        if (!found.keySet().containsAll(refs.keySet())) {
            throw new CrvsCallException(Failure.BAD_RESPONSE, to.crvsId(), "the answer of CRVS " + to.crvsId()
                    + " leaves " + (refs.size() - found.size()) + " of our " + refs.size() + " searches unanswered");
        }
        return new SearchResponse(to.crvsId(), verified.envelope().header().messageId(), body,
                verified.sender().profile(), refs.keySet().stream().map(found::get).toList());
    }

    private SearchResponse asyncSearch(CrvsEndpoint to, String txn, LinkedHashMap<String, SearchPage> refs,
                                       ObjectNode message, Instant now) {
        if (!settings.callbacksServed() || settings.callbackBase() == null) {
            throw new CrvsCallException(Failure.NOT_SUPPORTED, to.crvsId(), "CRVS " + to.crvsId() + " answers"
                    + " searches by callback: that needs the running server"
                    + (settings.callbackBase() == null ? " and outbound.callback-url" : "") + " (use the admin API)");
        }
        ObjectNode header = OutboundEnvelopes.header("search", settings, to, settings.senderUri("/on-search"),
                refs.size(), now);
        PendingSearches.Pending waiting = pending.register(to.crvsId(), txn, refs);
        try {
            CrvsAnswer answer = CrvsAnswer.of(to.crvsId(), posters.get(to.crvsId()).post(to.paths().search(),
                    signer.sign(to.crvsId(), to.profile(), header, message, now)));
            if (answer instanceof CrvsAnswer.Refusal r) {
                throw r.toException(to.crvsId());
            }
            if (!(answer instanceof CrvsAnswer.Ack)) {
                throw new CrvsCallException(Failure.BAD_RESPONSE, to.crvsId(), "CRVS " + to.crvsId()
                        + " answered an asynchronous search without acknowledging it");
            }
            return await(to, waiting);
        } finally {
            pending.remove(waiting);
        }
    }

    private SearchResponse await(CrvsEndpoint to, PendingSearches.Pending waiting) {
        Duration timeout = settings.asyncTimeout();
        try {
            return waiting.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CrvsCallException(Failure.TIMEOUT, to.crvsId(), null, "CRVS " + to.crvsId()
                    + " acknowledged the search but its on-search callback did not come within " + timeout.toMillis()
                    + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrvsCallException(Failure.UNAVAILABLE, to.crvsId(), null, "interrupted while waiting for CRVS "
                    + to.crvsId(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CrvsCallException c) {
                throw c;
            }
            throw new CrvsCallException(Failure.BAD_RESPONSE, to.crvsId(), null, "the callback of CRVS "
                    + to.crvsId() + " failed", e.getCause());
        }
    }

    private String acknowledged(CrvsEndpoint to, String path, ObjectNode header, ObjectNode message, Instant now) {
        CrvsAnswer answer = CrvsAnswer.of(to.crvsId(), posters.get(to.crvsId()).post(path,
                signer.sign(to.crvsId(), to.profile(), header, message, now)));
        if (answer instanceof CrvsAnswer.Refusal r) {
            throw r.toException(to.crvsId());
        }
        if (answer instanceof CrvsAnswer.Ack ack) {
            return ack.correlationId() == null ? "" : ack.correlationId();
        }
        throw new CrvsCallException(Failure.BAD_RESPONSE, to.crvsId(), "CRVS " + to.crvsId() + " did not"
                + " acknowledge the " + header.path("action").asText() + " request");
    }

    private CrvsEndpoint endpoint(String crvsId) {
        CrvsEndpoint e = crvsId == null ? null : endpoints.get(crvsId);
        if (e == null) {
            throw new CrvsCallException(Failure.UNKNOWN_CRVS, crvsId, "no CRVS " + crvsId + " is configured");
        }
        return e;
    }

    @Override
    public String toString() {
        return "HttpCrvsRegistryClient" + order;
    }

    /** Assembles a client; the endpoints may be none (then every call is {@code UNKNOWN_CRVS}). */
    public static final class Builder {
        private final ClientSettings settings;
        private final Supplier<Ed25519SigningKey> keys;
        private final SenderRegistry senders;
        private final SignatureVerifier signatureVerifier;
        private List<CrvsEndpoint> endpoints = List.of();
        private InstantSource clock = InstantSource.system();
        private HttpClient http;
        private DciPoster.Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder(ClientSettings settings, Supplier<Ed25519SigningKey> keys, SenderRegistry senders,
                        SignatureVerifier signatureVerifier) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.keys = Objects.requireNonNull(keys, "keys");
            this.senders = Objects.requireNonNull(senders, "senders");
            this.signatureVerifier = Objects.requireNonNull(signatureVerifier, "signatureVerifier");
        }

        public Builder endpoints(List<CrvsEndpoint> value) {
            this.endpoints = List.copyOf(value);
            return this;
        }

        public Builder clock(InstantSource value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The HTTP client for every CRVS (default: one per CRVS with its connect timeout, HTTP/1.1). */
        public Builder httpClient(HttpClient value) {
            this.http = Objects.requireNonNull(value, "http");
            return this;
        }

        /** How to pause between attempts (default: sleep); tests pass one that records instead. */
        Builder sleeper(DciPoster.Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        public HttpCrvsRegistryClient build() {
            return new HttpCrvsRegistryClient(this);
        }
    }
}
