package io.crvs.http.codec;

import java.util.Objects;

/**
 * A received envelope cannot be used as it is: not JSON, no header, a required field missing, an item with an
 * unknown event type or an impossible date. Always the client's mistake: the server answers 400
 * {@code err.request.bad} and stores nothing.
 *
 * <p>The message is safe to send back: it names the field (and the item) at fault, never echoes personal data,
 * and quotes hostile input only short and sanitised (see {@link SafeText}).
 */
public final class EnvelopeFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Reason: the body is not JSON, or not a JSON object. */
    public static final String MALFORMED_JSON = "malformed_json";
    /** Reason: the envelope has no {@code header} object. */
    public static final String MISSING_HEADER = "missing_header";
    /** Reason: a header field is missing or of the wrong type. */
    public static final String INVALID_HEADER = "invalid_header";
    /** Reason: the {@code message} member cannot be read. */
    public static final String INVALID_MESSAGE = "invalid_message";
    /** Reason: one notify item cannot be read. */
    public static final String INVALID_ITEM = "invalid_item";

    private final String reason;

    /**
     * @param reason  a stable reason code (the constants of this class), for logs and metrics
     * @param message the explanation sent back to the client; must already be free of personal data
     */
    public EnvelopeFormatException(String reason, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The stable reason code ({@link #MALFORMED_JSON}, {@link #MISSING_HEADER}, …). */
    public String reason() {
        return reason;
    }

    static EnvelopeFormatException item(int itemIndex, String field, String problem) {
        return new EnvelopeFormatException(INVALID_ITEM, "notify_event[" + itemIndex + "]: " + field + " " + problem);
    }
}
