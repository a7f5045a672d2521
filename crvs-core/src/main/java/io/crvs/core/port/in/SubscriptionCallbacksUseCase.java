package io.crvs.core.port.in;

import java.util.List;
import java.util.Objects;

/**
 * Use case: apply a CRVS's verified {@code on-subscribe} and {@code on-unsubscribe} callbacks to our stored
 * subscriptions. Idempotent (a redelivered callback changes nothing more); outcomes that match none of our
 * subscriptions from that CRVS are ignored, never applied to another CRVS's.
 */
public interface SubscriptionCallbacksUseCase {

    /**
     * @param crvsId        the verified sender of the callback
     * @param transactionId the callback's {@code transaction_id} (ours, from the subscribe request)
     * @return how many of our subscriptions changed
     */
    int subscribed(String crvsId, String transactionId, List<SubscribeOutcome> outcomes);

    /** @return how many of our subscriptions changed */
    int unsubscribed(String crvsId, List<UnsubscribeOutcome> outcomes);

    /**
     * One {@code subscribe_response} item.
     *
     * @param referenceId our reference id (the subscription's id)
     * @param accepted    {@code status: succ} with a code
     * @param code        the subscription code, or {@code null} when refused
     * @param reason      the reason code and message when refused, or {@code null}
     */
    record SubscribeOutcome(String referenceId, boolean accepted, String code, String reason) {
        public SubscribeOutcome {
            Objects.requireNonNull(referenceId, "referenceId");
            if (accepted && code == null) {
                throw new IllegalArgumentException("an accepted subscription has a code");
            }
        }
    }

    /**
     * One {@code subscription_status} item.
     *
     * @param code     the subscription code
     * @param accepted whether the CRVS ended it ({@code status: unsubscribe} or {@code succ})
     * @param reason   why not, or {@code null}
     */
    record UnsubscribeOutcome(String code, boolean accepted, String reason) {
        public UnsubscribeOutcome {
            Objects.requireNonNull(code, "code");
        }
    }
}
