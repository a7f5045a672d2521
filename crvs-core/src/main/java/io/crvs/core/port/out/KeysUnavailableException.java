package io.crvs.core.port.out;

/** A sender's keys cannot be had right now (never fetched, or too stale and the host is down). */
public final class KeysUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
