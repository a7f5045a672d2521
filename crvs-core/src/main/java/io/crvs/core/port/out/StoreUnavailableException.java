package io.crvs.core.port.out;

/** The backing store cannot be reached; nothing was changed. Adapters answer 503 with Retry-After. */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
