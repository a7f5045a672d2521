package io.crvs.core.port.out;

import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.SearchResponse;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.VitalEventType;
import java.util.List;
import java.util.Objects;

/**
 * Outgoing port to the CRVS registries we call (DCI search, subscribe, unsubscribe; reference §7). Every request is
 * signed with our key and every answer is verified with the CRVS's keys before it is returned; an unverified answer
 * is never returned.
 *
 * <p>Each call is a network call: never make one inside a unit of work. Failures throw
 * {@link CrvsCallException}. No parameter may be {@code null} unless stated; implementations are thread-safe.
 */
public interface CrvsRegistryClient {

    /** The ids ({@code sender_id}) of the CRVS systems this client is configured for, in a stable order. */
    List<String> crvsIds();

    /**
     * Runs several searches as one request (one {@code search_request} item each) and waits for the answers.
     *
     * @param crvsId   the CRVS to ask
     * @param searches 1 or more searches
     * @return the verified answer: one per search, in the same order
     * @throws CrvsCallException when the request as a whole fails
     */
    SearchResponse search(String crvsId, List<CrvsSearch> searches);

    /**
     * Asks the CRVS to notify us of one kind of event. The subscription code comes later, in the CRVS's
     * {@code on-subscribe} callback, matched by {@code transactionId} and {@code referenceId}.
     *
     * @return the correlation id of the CRVS's acknowledgement
     * @throws CrvsCallException when the CRVS cannot be reached or refuses the request
     */
    String subscribe(String crvsId, SubscribeRequest request);

    /**
     * Asks the CRVS to end subscriptions; its {@code on-unsubscribe} callback confirms it later.
     *
     * @param transactionId our transaction id for the request
     * @param codes         the CRVS's subscription codes, 1 or more
     * @return the correlation id of the CRVS's acknowledgement
     * @throws CrvsCallException when the CRVS cannot be reached or refuses the request
     */
    String unsubscribe(String crvsId, String transactionId, List<String> codes);

    /**
     * One subscription to send.
     *
     * @param transactionId our transaction id
     * @param referenceId   our reference id (the subscription's id)
     * @param eventType     the event type
     * @param filter        which persons, or {@code null} for all
     */
    record SubscribeRequest(String transactionId, String referenceId, VitalEventType eventType, SearchQuery filter) {
        public SubscribeRequest {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(referenceId, "referenceId");
            Objects.requireNonNull(eventType, "eventType");
        }
    }
}
