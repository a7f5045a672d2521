package io.crvs.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified DCI message as received: the durable record of the delivery, kept with its exact bytes.
 *
 * @param senderId      the sender ({@code header.sender_id}); at most 256 characters
 * @param messageId     {@code header.message_id}; unique per sender; at most 256 characters
 * @param action        {@code header.action} ({@code notify}, {@code on-search}, …)
 * @param transactionId {@code message.transaction_id}, or {@code null}
 * @param correlationId the correlation id we answer with (ours)
 * @param profile       the signature profile the message was verified with
 * @param rawBody       the request body exactly as received; never modified
 * @param receivedAt    when it arrived
 */
public record ReceivedMessage(String senderId, String messageId, String action, String transactionId,
                              String correlationId, SignatureProfile profile, byte[] rawBody, Instant receivedAt) {
    public static final int MAX_ID_LENGTH = 256;

    public ReceivedMessage {
        requireId(senderId, "sender_id");
        requireId(messageId, "message_id");
        Objects.requireNonNull(action, "action");
        if (transactionId != null && transactionId.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException("transaction_id is longer than " + MAX_ID_LENGTH + " characters");
        }
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(rawBody, "rawBody");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    private static void requireId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name + " is missing");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(name + " is longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedMessage m && senderId.equals(m.senderId) && messageId.equals(m.messageId)
                && action.equals(m.action) && Objects.equals(transactionId, m.transactionId)
                && correlationId.equals(m.correlationId) && profile == m.profile
                && java.util.Arrays.equals(rawBody, m.rawBody) && receivedAt.equals(m.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(senderId, messageId, correlationId);
    }

    @Override
    public String toString() {
        return "ReceivedMessage[" + senderId + "/" + messageId + " " + action + ", " + rawBody.length + " bytes]";
    }
}
