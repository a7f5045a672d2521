package io.crvs.http.codec;

import java.util.Objects;

/**
 * The fields of a DCI message header ({@code MsgHeader} / {@code MsgCallbackHeader}, reference §3) that the
 * receiver relies on, read leniently from the envelope. Other header fields (version, status, meta, JSON-LD
 * {@code @} members, unknown ones) stay untouched in the envelope and in the stored raw bytes.
 *
 * @param messageId   {@code message_id}: non-blank, at most 256 characters
 * @param messageTs   {@code message_ts} exactly as sent: non-blank
 * @param action      {@code action} exactly as sent: non-blank
 * @param senderId    {@code sender_id}: non-blank, at most 256 characters
 * @param receiverId  {@code receiver_id}, or {@code null}
 * @param totalCount  {@code total_count} (number or numeric string), or {@code null} when absent
 * @param encrypted   {@code is_msg_encrypted} ({@code false} when absent)
 */
public record DciHeader(String messageId, String messageTs, String action, String senderId, String receiverId,
                        Long totalCount, boolean encrypted) {

    public DciHeader {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(messageTs, "messageTs");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(senderId, "senderId");
    }
}
