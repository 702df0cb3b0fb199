package dev.fnguard.budget;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The compiled form of {@link Budget}: immutable and validated. Every budget is off by default.
 *
 * @param callerRate per-caller token bucket, empty when off
 * @param functionRate per-function token bucket, empty when off
 * @param spend spend limits per window
 * @param cost the cost model
 * @param maxRecords maximum records per batch, 0 for no limit
 * @param maxMillis deadline for user code in ms, 0 for the platform's only
 * @param reserveMillis remaining time below which work is refused, 0 for none
 * @param maxConcurrent bulkhead permits, 0 for none
 * @param rateOnStoreFailure what the rate budgets do when the store is unreachable
 * @param spendOnStoreFailure what the spend budgets do when the store is unreachable
 */
public record BudgetSettings(Optional<RateLimit> callerRate, Optional<RateLimit> functionRate, SpendLimit spend,
        CostModel cost, int maxRecords, long maxMillis, long reserveMillis, int maxConcurrent,
        FailMode rateOnStoreFailure, FailMode spendOnStoreFailure) {

    /** Environment: invocations per minute per caller. */
    public static final String ENV_CALLER_PER_MINUTE = "FNGUARD_CALLER_PER_MINUTE";
    /** Environment: per-caller burst. */
    public static final String ENV_CALLER_BURST = "FNGUARD_CALLER_BURST";
    /** Environment: invocations per minute across callers. */
    public static final String ENV_FUNCTION_PER_MINUTE = "FNGUARD_FUNCTION_PER_MINUTE";
    /** Environment: per-function burst. */
    public static final String ENV_FUNCTION_BURST = "FNGUARD_FUNCTION_BURST";
    /** Environment: spend window in seconds. */
    public static final String ENV_SPEND_WINDOW_SECONDS = "FNGUARD_SPEND_WINDOW_SECONDS";
    /** Environment: GB-seconds per caller per window. */
    public static final String ENV_CALLER_GB_SECONDS = "FNGUARD_CALLER_GB_SECONDS";
    /** Environment: GB-seconds per function per window. */
    public static final String ENV_FUNCTION_GB_SECONDS = "FNGUARD_FUNCTION_GB_SECONDS";
    /** Environment: currency per caller per window. */
    public static final String ENV_CALLER_SPEND = "FNGUARD_CALLER_SPEND";
    /** Environment: currency per function per window. */
    public static final String ENV_FUNCTION_SPEND = "FNGUARD_FUNCTION_SPEND";
    /** Environment: price per GB-second. */
    public static final String ENV_PRICE_PER_GB_SECOND = "FNGUARD_PRICE_PER_GB_SECOND";
    /** Environment: price per request. */
    public static final String ENV_PRICE_PER_REQUEST = "FNGUARD_PRICE_PER_REQUEST";
    /** Environment: maximum records per batch. */
    public static final String ENV_MAX_RECORDS = "FNGUARD_MAX_RECORDS";
    /** Environment: user-code deadline in ms. */
    public static final String ENV_MAX_MILLIS = "FNGUARD_MAX_MILLIS";
    /** Environment: reserve of remaining time in ms. */
    public static final String ENV_RESERVE_MILLIS = "FNGUARD_RESERVE_MILLIS";
    /** Environment: concurrency bulkhead permits. */
    public static final String ENV_MAX_CONCURRENT = "FNGUARD_MAX_CONCURRENT";
    /** Environment: {@code open} or {@code closed} on store outage, for every budget. */
    public static final String ENV_ON_STORE_FAILURE = "FNGUARD_ON_STORE_FAILURE";
    /** Environment: {@code open} or {@code closed} on store outage, for the rate budgets. */
    public static final String ENV_RATE_ON_STORE_FAILURE = "FNGUARD_RATE_ON_STORE_FAILURE";
    /** Environment: {@code open} or {@code closed} on store outage, for the spend budgets. */
    public static final String ENV_SPEND_ON_STORE_FAILURE = "FNGUARD_SPEND_ON_STORE_FAILURE";
    /** Set by Lambda: the function's memory in MB, for the cost model. */
    public static final String ENV_LAMBDA_MEMORY = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    private static final BudgetSettings DEFAULTS = new BudgetSettings(Optional.empty(), Optional.empty(),
            SpendLimit.none(), CostModel.defaults(), 0, 0, 0, 0, FailMode.CLOSED, FailMode.CLOSED);

    /**
     * Validates the settings, naming the one at fault.
     *
     * @param callerRate caller rate
     * @param functionRate function rate
     * @param spend spend
     * @param cost cost model
     * @param maxRecords records
     * @param maxMillis deadline
     * @param reserveMillis reserve
     * @param maxConcurrent permits
     * @param rateOnStoreFailure rate fail mode
     * @param spendOnStoreFailure spend fail mode
     */
    public BudgetSettings {
        Objects.requireNonNull(callerRate, "callerRate");
        Objects.requireNonNull(functionRate, "functionRate");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(rateOnStoreFailure, "rateOnStoreFailure");
        Objects.requireNonNull(spendOnStoreFailure, "spendOnStoreFailure");
        requireNonNegative("maxRecords", maxRecords);
        requireNonNegative("maxMillis", maxMillis);
        requireNonNegative("reserveMillis", reserveMillis);
        requireNonNegative("maxConcurrent", maxConcurrent);
    }

    /** @return every budget off */
    public static BudgetSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Compiles the annotation.
     *
     * @param b the annotation
     * @return the settings
     */
    public static BudgetSettings of(Budget b) {
        return new BudgetSettings(rate("callerPerMinute", b.callerPerMinute(), b.callerBurst()),
                rate("functionPerMinute", b.functionPerMinute(), b.functionBurst()),
                new SpendLimit(Duration.ofSeconds(requirePositive("spendWindowSeconds", b.spendWindowSeconds())),
                        b.callerGbSeconds(), b.functionGbSeconds(), b.callerSpend(), b.functionSpend()),
                new CostModel(CostModel.DEFAULT_MEMORY_MB, b.pricePerGbSecond(), b.pricePerRequest(),
                        CostModel.DEFAULT_ESTIMATE_MILLIS),
                b.maxRecords(), b.maxMillis(), b.reserveMillis(), b.maxConcurrent(), b.rateOnStoreFailure(),
                b.spendOnStoreFailure());
    }

    /**
     * Applies the {@code FNGUARD_*} budget variables and {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}. Unlike
     * the limits, a budget variable replaces the declared value in either direction: budgets are
     * capacity that operators size per stage and may need to raise during an incident without a
     * deploy. A blank variable is ignored.
     *
     * @param env the environment
     * @return the settings
     * @throws IllegalArgumentException naming the variable when a value is invalid
     */
    public BudgetSettings withEnvironment(Map<String, String> env) {
        Optional<RateLimit> cr = envRate(env, ENV_CALLER_PER_MINUTE, ENV_CALLER_BURST, callerRate);
        Optional<RateLimit> fr = envRate(env, ENV_FUNCTION_PER_MINUTE, ENV_FUNCTION_BURST, functionRate);
        SpendLimit s = new SpendLimit(
                Duration.ofSeconds(longVar(env, ENV_SPEND_WINDOW_SECONDS, spend.window().toSeconds(), 1)),
                doubleVar(env, ENV_CALLER_GB_SECONDS, spend.callerGbSeconds()),
                doubleVar(env, ENV_FUNCTION_GB_SECONDS, spend.functionGbSeconds()),
                doubleVar(env, ENV_CALLER_SPEND, spend.callerCurrency()),
                doubleVar(env, ENV_FUNCTION_SPEND, spend.functionCurrency()));
        CostModel c = new CostModel((int) longVar(env, ENV_LAMBDA_MEMORY, cost.memoryMb(), 128),
                doubleVar(env, ENV_PRICE_PER_GB_SECOND, cost.pricePerGbSecond()),
                doubleVar(env, ENV_PRICE_PER_REQUEST, cost.pricePerRequest()), cost.estimateMillis());
        FailMode both = failVar(env, ENV_ON_STORE_FAILURE, null);
        FailMode rateFail = failVar(env, ENV_RATE_ON_STORE_FAILURE, both != null ? both : rateOnStoreFailure);
        FailMode spendFail = failVar(env, ENV_SPEND_ON_STORE_FAILURE, both != null ? both : spendOnStoreFailure);
        return new BudgetSettings(cr, fr, s, c,
                (int) longVar(env, ENV_MAX_RECORDS, maxRecords, 0),
                longVar(env, ENV_MAX_MILLIS, maxMillis, 0),
                longVar(env, ENV_RESERVE_MILLIS, reserveMillis, 0),
                (int) longVar(env, ENV_MAX_CONCURRENT, maxConcurrent, 0), rateFail, spendFail);
    }

    /** @return whether rate or spend budgets use the store */
    public boolean usesStore() {
        return callerRate.isPresent() || functionRate.isPresent() || spend.enabled();
    }

    /**
     * The time user code may run, from the deadline and the reserve.
     *
     * @param remainingMillis what remains of the platform's timeout ({@code Long.MAX_VALUE} if unknown)
     * @return milliseconds, or {@code Long.MAX_VALUE} when no deadline applies
     */
    public long userMillis(long remainingMillis) {
        long platform = remainingMillis == Long.MAX_VALUE || reserveMillis == 0 ? Long.MAX_VALUE
                : Math.max(0, remainingMillis - reserveMillis);
        long own = maxMillis == 0 ? Long.MAX_VALUE : maxMillis;
        return Math.min(platform, own);
    }

    /**
     * A copy with another cost model.
     *
     * @param withCost the cost model
     * @return the copy
     */
    public BudgetSettings withCost(CostModel withCost) {
        return new BudgetSettings(callerRate, functionRate, spend, withCost, maxRecords, maxMillis, reserveMillis,
                maxConcurrent, rateOnStoreFailure, spendOnStoreFailure);
    }

    private static Optional<RateLimit> rate(String name, long perMinute, long burst) {
        if (perMinute < 0 || burst < 0) {
            throw new IllegalArgumentException("Budget." + name + " and its burst must be >= 0, were "
                    + perMinute + " and " + burst);
        }
        return perMinute == 0 ? Optional.empty() : Optional.of(RateLimit.perMinute(perMinute, burst));
    }

    private static Optional<RateLimit> envRate(Map<String, String> env, String rateVar, String burstVar,
            Optional<RateLimit> current) {
        RateLimit r = current.orElse(null);
        long perMinute = longVar(env, rateVar,
                r == null ? 0L : r.tokens() * 60_000 / Math.max(1, r.period().toMillis()), 0);
        long burst = longVar(env, burstVar, r == null ? 0L : r.burst(), 0);
        if (perMinute == 0) {
            return Optional.empty();
        }
        return Optional.of(RateLimit.perMinute(perMinute, burst));
    }

    private static FailMode failVar(Map<String, String> env, String name, FailMode current) {
        String f = blankToNull(env.get(name));
        if (f == null) {
            return current;
        }
        switch (f.strip().toLowerCase(Locale.ROOT)) {
            case "open":
                return FailMode.OPEN;
            case "closed":
                return FailMode.CLOSED;
            default:
                throw new IllegalArgumentException(name + " must be 'open' or 'closed', was '" + f + "'");
        }
    }

    private static long longVar(Map<String, String> env, String name, long current, long min) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return current;
        }
        long parsed;
        try {
            parsed = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
        }
        if (parsed < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + parsed);
        }
        return parsed;
    }

    private static double doubleVar(Map<String, String> env, String name, double current) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return current;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + v + "'");
        }
        if (!(parsed >= 0) || Double.isInfinite(parsed)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was '" + v + "'");
        }
        return parsed;
    }

    private static long requirePositive(String name, long v) {
        if (v < 1) {
            throw new IllegalArgumentException("Budget." + name + " must be at least 1, was " + v);
        }
        return v;
    }

    private static void requireNonNegative(String name, long v) {
        if (v < 0) {
            throw new IllegalArgumentException("Budget." + name + " must be >= 0, was " + v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
