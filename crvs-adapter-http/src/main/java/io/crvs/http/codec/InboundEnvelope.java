package io.crvs.http.codec;

import io.crvs.http.envelope.ReceivedEnvelope;
import java.util.Objects;

/**
 * A received envelope that passed the structural checks: JSON object, valid header. The signature has not been
 * checked yet.
 *
 * @param envelope      the raw bytes, parsed tree and HTTP {@code Signature} header (what verifiers see)
 * @param header        the validated header fields
 * @param transactionId {@code message.transaction_id} as text (number or string), or {@code null}
 */
public record InboundEnvelope(ReceivedEnvelope envelope, DciHeader header, String transactionId) {
    public InboundEnvelope {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(header, "header");
    }
}
