package io.crvs.http.server;

/**
 * Hook for metrics on received DCI messages. Every method has a no-op default, so an implementation overrides
 * only what it counts and new methods never break it. Called on worker threads, possibly concurrently;
 * implementations must be thread-safe, fast and must not throw.
 */
public interface ReceiveObserver {

    /** An observer that records nothing. */
    ReceiveObserver NONE = new ReceiveObserver() {
    };

    /**
     * A new message was stored and acknowledged.
     *
     * @param action     the endpoint's action ({@code notify}, {@code on-search}, …)
     * @param senderId   the (registered, verified) sender
     * @param eventCount how many new vital events it carried (repeated ones are reported apart)
     */
    default void received(String action, String senderId, int eventCount) {
    }

    /**
     * A new message carried events whose reference ids the sender had already delivered; they were not stored
     * again (the first delivery stands).
     */
    default void repeatedEvents(String action, String senderId, int count) {
    }

    /** A repeated delivery (same sender and message id) was acknowledged without storing it again. */
    default void duplicate(String action, String senderId) {
    }

    /**
     * A request was answered with an error.
     *
     * @param reason     stable reason code ({@code malformed_json}, {@code bad_signature}, {@code unknown_sender},
     *                   {@code body_too_large}, {@code store_unavailable}, …)
     * @param httpStatus the status sent
     */
    default void rejected(String reason, int httpStatus) {
    }
}
