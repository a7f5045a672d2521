package io.crvs.core.port.out;

import java.util.Optional;

/**
 * What a {@link SignatureVerifier} sees of a received message. The HTTP adapter implements it (and may carry its
 * own parsed form alongside).
 */
public interface SignedMessage {

    /** {@code header.sender_id} as received; never {@code null}. */
    String senderId();

    /** The request body exactly as received; never {@code null}. */
    byte[] rawBody();

    /** The envelope's {@code signature} member, if present and a string. */
    Optional<String> signatureMember();

    /** The HTTP {@code Signature} header, if present. */
    Optional<String> signatureHeader();
}
