package dev.fnguard.budget;

/**
 * What one invocation costs on AWS Lambda: billed duration (rounded up to the millisecond) times the
 * configured memory, in GB-seconds, priced per GB-second plus a price per request.
 *
 * <p>Defaults: {@value #DEFAULT_MEMORY_MB} MB (Lambda's default, overridden by
 * {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}), USD {@value #DEFAULT_PRICE_PER_GB_SECOND} per GB-second and
 * USD {@value #DEFAULT_PRICE_PER_REQUEST} per request: the x86 list prices of AWS Lambda in US East
 * (N. Virginia), first tier, from https://aws.amazon.com/lambda/pricing/ (see docs/budgets.md).
 * An invocation is charged {@code estimateMillis} before user code runs and settled with its real
 * duration after.
 *
 * @param memoryMb configured memory in MB, 128 to 10240
 * @param pricePerGbSecond currency per GB-second, at least 0
 * @param pricePerRequest currency per request, at least 0
 * @param estimateMillis the duration charged up front, at least 1
 */
public record CostModel(int memoryMb, double pricePerGbSecond, double pricePerRequest, long estimateMillis) {

    /** Lambda's default memory size. */
    public static final int DEFAULT_MEMORY_MB = 128;
    /** AWS Lambda x86, us-east-1, first tier: USD per GB-second. */
    public static final double DEFAULT_PRICE_PER_GB_SECOND = 0.0000166667;
    /** AWS Lambda, us-east-1: USD 0.20 per million requests. */
    public static final double DEFAULT_PRICE_PER_REQUEST = 0.0000002;
    /** The duration charged before user code runs; a shorter {@code maxMillis} replaces it. */
    public static final long DEFAULT_ESTIMATE_MILLIS = 100;

    private static final CostModel DEFAULTS = new CostModel(DEFAULT_MEMORY_MB, DEFAULT_PRICE_PER_GB_SECOND,
            DEFAULT_PRICE_PER_REQUEST, DEFAULT_ESTIMATE_MILLIS);

    /**
     * Validates the model, naming the setting at fault.
     *
     * @param memoryMb memory
     * @param pricePerGbSecond price per GB-second
     * @param pricePerRequest price per request
     * @param estimateMillis up-front estimate
     */
    public CostModel {
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("CostModel.memoryMb must be between 128 and 10240, was " + memoryMb);
        }
        if (!(pricePerGbSecond >= 0) || Double.isInfinite(pricePerGbSecond)) {
            throw new IllegalArgumentException("CostModel.pricePerGbSecond must be a price >= 0, was " + pricePerGbSecond);
        }
        if (!(pricePerRequest >= 0) || Double.isInfinite(pricePerRequest)) {
            throw new IllegalArgumentException("CostModel.pricePerRequest must be a price >= 0, was " + pricePerRequest);
        }
        if (estimateMillis < 1) {
            throw new IllegalArgumentException("CostModel.estimateMillis must be at least 1, was " + estimateMillis);
        }
    }

    /** @return the defaults */
    public static CostModel defaults() {
        return DEFAULTS;
    }

    /**
     * The memory-time of an invocation, in MB-milliseconds (1 GB-second = 1 024 000 MB-ms).
     *
     * @param billedMillis billed duration
     * @return MB-ms
     */
    public long mbMillis(long billedMillis) {
        return memoryMb * Math.max(1, billedMillis);
    }

    /**
     * The price of an invocation in nano-units of the currency (1e-9), rounded to the nearest.
     *
     * @param billedMillis billed duration
     * @return nano-currency
     */
    public long nanoPrice(long billedMillis) {
        double gbSeconds = mbMillis(billedMillis) / 1_024_000.0;
        return Math.round((gbSeconds * pricePerGbSecond + pricePerRequest) * 1e9);
    }

    /**
     * A copy with another memory size.
     *
     * @param mb memory in MB
     * @return the copy
     */
    public CostModel withMemoryMb(int mb) {
        return new CostModel(mb, pricePerGbSecond, pricePerRequest, estimateMillis);
    }
}
