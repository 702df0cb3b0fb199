package dev.fnguard;

/**
 * Work a check leaves for the end of an invocation: settle a spend estimate with the real duration,
 * release a concurrency permit. Registered with {@link Inspection#onComplete}, run once by
 * {@link Guard#complete}; must be fast and must not throw (a throw is logged and ignored).
 */
@FunctionalInterface
public interface Settlement {

    /**
     * Settles.
     *
     * @param elapsedNanos the invocation's duration from the start of evaluation to completion
     */
    void settle(long elapsedNanos);
}
