package io.crvs.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.SearchAnswer;
import io.crvs.core.domain.SearchPage;
import io.crvs.core.domain.SearchResponse;
import io.crvs.core.domain.Sender;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsCallException.Failure;
import io.crvs.http.codec.EnvelopeFormatException;
import io.crvs.http.codec.InboundEnvelope;
import io.crvs.http.codec.SearchResponseReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The asynchronous searches waiting for their {@code on-search} callbacks, keyed by (CRVS, our
 * {@code transaction_id}). A verified callback from that CRVS with that transaction id adds the answers it carries
 * for our {@code reference_id}s (a CRVS may answer the items of one request in several callbacks); once every
 * reference id is answered the waiting caller gets the whole response. A callback naming a header-level
 * {@code rjct}, or that cannot be read, ends the wait with an error. Callbacks for nothing pending are ignored.
 * Thread-safe.
 */
final class PendingSearches {

    private record Key(String crvsId, String transactionId) {
    }

    /** One search waiting for its callback(s). */
    static final class Pending {
        private final Key key;
        private final Map<String, SearchPage> requested;
        private final List<String> order;
        private final Map<String, SearchAnswer> answers = new LinkedHashMap<>();
        private final List<byte[]> bodies = new ArrayList<>();
        private final CompletableFuture<SearchResponse> result = new CompletableFuture<>();
        private String firstMessageId;

        private Pending(Key key, LinkedHashMap<String, SearchPage> requested) {
            this.key = key;
            this.requested = Map.copyOf(requested);
            this.order = List.copyOf(requested.keySet());
        }

        CompletableFuture<SearchResponse> result() {
            return result;
        }

        private synchronized void add(Sender sender, InboundEnvelope callback, Map<String, SearchAnswer> found) {
            if (result.isDone()) {
                return;
            }
            found.forEach(answers::putIfAbsent);
            bodies.add(callback.envelope().rawBody());
            if (firstMessageId == null) {
                firstMessageId = callback.header().messageId();
            }
            if (answers.keySet().containsAll(order)) {
                List<SearchAnswer> inOrder = order.stream().map(answers::get).toList();
                result.complete(new SearchResponse(key.crvsId(), firstMessageId, body(), sender.profile(), inOrder));
            }
        }

        private byte[] body() {
            if (bodies.size() == 1) {
                return bodies.get(0);
            }
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < bodies.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(new String(bodies.get(i), StandardCharsets.UTF_8));
            }
            return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private final ConcurrentHashMap<Key, Pending> pending = new ConcurrentHashMap<>();

    /**
     * Registers a search before it is sent (its callback may come before the acknowledgement).
     *
     * @param order the reference ids in request order, each with the page it asked for
     */
    Pending register(String crvsId, String transactionId, LinkedHashMap<String, SearchPage> order) {
        Key key = new Key(crvsId, transactionId);
        Pending p = new Pending(key, order);
        if (pending.putIfAbsent(key, p) != null) {
            throw new IllegalStateException("transaction id already pending: " + transactionId);
        }
        return p;
    }

    /** Stops waiting (answered, timed out, or refused). */
    void remove(Pending p) {
        pending.remove(p.key, p);
    }

    /** Whether anything is waiting (for tests and metrics). */
    int size() {
        return pending.size();
    }

    /**
     * Offers a verified {@code on-search} callback.
     *
     * @return whether it belonged to a pending search
     */
    boolean offer(Sender sender, InboundEnvelope callback) {
        String txn = callback.transactionId();
        if (txn == null) {
            return false;
        }
        Key key = new Key(sender.senderId(), txn);
        Pending p = pending.get(key);
        if (p == null) {
            return false;
        }
        JsonNode header = callback.envelope().header();
        String status = header.path("status").asText("");
        if (status.equalsIgnoreCase("rjct")) {
            String code = header.path("status_reason_code").asText("rjct");
            p.result.completeExceptionally(new CrvsCallException(Failure.REJECTED, key.crvsId(), code, "CRVS "
                    + key.crvsId() + " refused the search in its callback: " + code, null));
            return true;
        }
        try {
            p.add(sender, callback, SearchResponseReader.read(callback.envelope().message(), p.requested));
        } catch (EnvelopeFormatException e) {
            p.result.completeExceptionally(new CrvsCallException(Failure.BAD_RESPONSE, key.crvsId(), null,
                    "the on-search callback of CRVS " + key.crvsId() + " cannot be read: " + e.getMessage(), e));
        }
        return true;
    }

    @Override
    public String toString() {
        return "PendingSearches[" + pending.size() + "]";
    }
}
