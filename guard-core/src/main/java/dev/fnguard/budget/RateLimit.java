package dev.fnguard.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: {@code tokens} refilled evenly over each {@code period}, holding at most {@code burst}.
 * One invocation takes one token.
 *
 * @param tokens tokens added per period, at least 1
 * @param period the refill period, positive
 * @param burst the bucket's capacity, at least 1
 */
public record RateLimit(long tokens, Duration period, long burst) {

    /**
     * Validates the limit, naming the setting at fault.
     *
     * @param tokens tokens per period
     * @param period refill period
     * @param burst capacity
     */
    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (tokens < 1) {
            throw new IllegalArgumentException("RateLimit.tokens must be at least 1, was " + tokens);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("RateLimit.period must be positive, was " + period);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("RateLimit.burst must be at least 1, was " + burst);
        }
    }

    // equals and hashCode by hand: a record's generated ones are linked through ObjectMethods on first use,
    // about 10 ms in a cold JVM, and the budget check compares limits at init (warm-up) and per event

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimit r && tokens == r.tokens && burst == r.burst && period.equals(r.period);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(tokens) * 31 + period.hashCode()) * 31 + Long.hashCode(burst);
    }

    /**
     * A limit of {@code perMinute} invocations a minute with a burst of {@code burst}.
     *
     * @param perMinute tokens per minute
     * @param burst capacity; 0 means the same as {@code perMinute}
     * @return the limit
     */
    public static RateLimit perMinute(long perMinute, long burst) {
        return new RateLimit(perMinute, Duration.ofMinutes(1), burst == 0 ? perMinute : burst);
    }
}
