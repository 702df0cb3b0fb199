package dev.fnguard.spi;

/**
 * A store could not answer in time (unreachable, timed out, refused). Budgets then fail open or
 * closed as the policy declares, and audit {@code STORE_UNAVAILABLE}.
 */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Wraps the cause.
     *
     * @param message what was attempted, without keys or values
     * @param cause the driver's exception
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
