package dev.fnguard.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a token bucket, with what {@code Retry-After} needs.
 *
 * @param consumed whether a token was taken
 * @param remaining tokens left
 * @param retryAfter time until a token is available (zero when consumed)
 */
public record RateProbe(boolean consumed, long remaining, Duration retryAfter) {

    /**
     * Checks the fields.
     *
     * @param consumed consumed
     * @param remaining remaining
     * @param retryAfter wait
     */
    public RateProbe {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
