package io.crvs.core.domain;

import java.util.Objects;

/**
 * Why processing of an event failed: a stable machine code ({@code no_match}, {@code ambiguous_match},
 * {@code birthdate_conflict}, …; see {@link ErrorCodes}) and a human message free of personal data.
 */
public record EventError(String code, String message) {
    public EventError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (message.length() > 1000) {
            message = message.substring(0, 1000);
        }
    }
}
