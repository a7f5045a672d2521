package io.crvs.core.domain;

/**
 * A value from outside (a CRVS message, an operator) that the domain cannot accept. Adapters map it to a client
 * error ({@code err.request.bad} over DCI, 400 on the admin API); it is never a server fault.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    /** Keeps error messages short when they quote hostile input. */
    protected static String truncate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
