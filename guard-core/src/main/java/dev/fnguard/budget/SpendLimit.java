package dev.fnguard.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * Spend allowed per window, per caller and per function, in GB-seconds and in currency (the unit of
 * the {@link CostModel} prices, USD by default). A limit of 0 is no limit.
 *
 * @param window the accounting window (fixed windows aligned to the epoch), positive; default 1 hour
 * @param callerGbSeconds GB-seconds one caller may use per window
 * @param functionGbSeconds GB-seconds all callers together may use per window
 * @param callerCurrency currency one caller may spend per window
 * @param functionCurrency currency all callers together may spend per window
 */
public record SpendLimit(Duration window, double callerGbSeconds, double functionGbSeconds, double callerCurrency,
        double functionCurrency) {

    /** The default window: one hour. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private static final SpendLimit NONE = new SpendLimit(DEFAULT_WINDOW, 0, 0, 0, 0);

    /**
     * Validates the limits, naming the setting at fault.
     *
     * @param window window
     * @param callerGbSeconds per-caller GB-s
     * @param functionGbSeconds per-function GB-s
     * @param callerCurrency per-caller currency
     * @param functionCurrency per-function currency
     */
    public SpendLimit {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("SpendLimit.window must be positive, was " + window);
        }
        requireAmount("callerGbSeconds", callerGbSeconds);
        requireAmount("functionGbSeconds", functionGbSeconds);
        requireAmount("callerCurrency", callerCurrency);
        requireAmount("functionCurrency", functionCurrency);
    }

    /** @return no spend limit */
    public static SpendLimit none() {
        return NONE;
    }

    /** @return whether any limit is set */
    public boolean enabled() {
        return callerGbSeconds > 0 || functionGbSeconds > 0 || callerCurrency > 0 || functionCurrency > 0;
    }

    private static void requireAmount(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("SpendLimit." + name + " must be a finite amount >= 0, was " + v);
        }
    }
}
