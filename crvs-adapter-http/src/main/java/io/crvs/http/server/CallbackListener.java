package io.crvs.http.server;

import io.crvs.core.domain.Sender;
import io.crvs.http.codec.InboundEnvelope;

/**
 * Hook for the DCI callbacks we receive as a client ({@code on-search}, {@code on-subscribe},
 * {@code on-unsubscribe}, {@code txn/on-status}): told about each one after its sender and signature were verified
 * and it was found new (not a redelivery), and before it is stored and acknowledged. The outbound client uses it
 * to complete a waiting search or to record a subscription's code.
 *
 * <p>Implementations must be idempotent (a callback whose storage fails is delivered again) and fast. Throwing
 * {@link io.crvs.http.codec.EnvelopeFormatException} refuses the callback with 400 (nothing is stored);
 * {@link io.crvs.core.port.out.StoreUnavailableException} answers 503. Called on worker threads, possibly
 * concurrently.
 */
@FunctionalInterface
public interface CallbackListener {

    /** A listener that does nothing. */
    CallbackListener NONE = (route, sender, callback) -> { };

    /**
     * @param route    the callback endpoint it arrived at (never {@link DciRoute#NOTIFY})
     * @param sender   its verified sender
     * @param callback the envelope as received, with its validated header
     */
    void received(DciRoute route, Sender sender, InboundEnvelope callback);
}
