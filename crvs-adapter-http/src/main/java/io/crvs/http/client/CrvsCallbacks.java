package io.crvs.http.client;

import io.crvs.core.domain.Sender;
import io.crvs.core.port.in.SubscriptionCallbacksUseCase;
import io.crvs.http.codec.EnvelopeFormatException;
import io.crvs.http.codec.InboundEnvelope;
import io.crvs.http.codec.SubscriptionResponseReader;
import io.crvs.http.server.CallbackListener;
import io.crvs.http.server.DciRoute;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound client's side of our callback endpoints, installed on the server with
 * {@code DciHttpServer.Builder.callbacks}: a verified {@code on-search} completes the waiting search
 * ({@link PendingSearches}); {@code on-subscribe} and {@code on-unsubscribe} update our stored subscriptions
 * through the use case. A callback we cannot read is still stored raw and acknowledged (it is logged), so a CRVS
 * is never made to redeliver what will never read better; a store outage propagates (503: the CRVS retries).
 */
final class CrvsCallbacks implements CallbackListener {

    private static final Logger LOG = LoggerFactory.getLogger(CrvsCallbacks.class);

    private final PendingSearches searches;
    private final SubscriptionCallbacksUseCase subscriptions;

    CrvsCallbacks(PendingSearches searches, SubscriptionCallbacksUseCase subscriptions) {
        this.searches = Objects.requireNonNull(searches, "searches");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    }

    @Override
    public void received(DciRoute route, Sender sender, InboundEnvelope callback) {
        try {
            switch (route) {
                case ON_SEARCH -> {
                    if (!searches.offer(sender, callback)) {
                        LOG.info("on-search from {} matches no search waiting here; stored only", sender.senderId());
                    }
                }
                case ON_SUBSCRIBE -> {
                    String txn = callback.transactionId();
                    int changed = txn == null ? 0 : subscriptions.subscribed(sender.senderId(), txn,
                            SubscriptionResponseReader.subscribed(callback.envelope().message()));
                    LOG.info("on-subscribe from {}: {} subscription(s) updated", sender.senderId(), changed);
                }
                case ON_UNSUBSCRIBE -> {
                    int changed = subscriptions.unsubscribed(sender.senderId(),
                            SubscriptionResponseReader.unsubscribed(callback.envelope().message()));
                    LOG.info("on-unsubscribe from {}: {} subscription(s) updated", sender.senderId(), changed);
                }
                default -> {
                    // txn/on-status and notify: nothing to correlate
                }
            }
        } catch (EnvelopeFormatException e) {
            LOG.warn("{} from {} cannot be read ({}); stored only", route.action(), sender.senderId(),
                    e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "crvs-callbacks(" + searches + ")";
    }
}
