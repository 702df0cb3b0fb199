package dev.fnguard.budget;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Budgets against denial-of-wallet, nested in {@code @Guarded(budget = @Budget(...))}: per-caller and
 * per-function rates, spend per window, records per batch, a deadline for user code, and a
 * concurrency bulkhead. Every budget is off (0) by default; each can be set or changed by a
 * {@code FNGUARD_*} variable (see docs/budgets.md).
 *
 * <pre>{@code
 * @Guarded(budget = @Budget(callerPerMinute = 60, callerBurst = 10, maxMillis = 3000))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Budget {

    /**
     * Invocations per minute one caller may make (token bucket keyed by the verified caller, else the
     * client IP, else the event source). Denied with {@code RATE} (429 + {@code Retry-After}).
     *
     * @return tokens per minute, 0 (off) by default
     */
    long callerPerMinute() default 0;

    /**
     * How many invocations one caller may make at once before the rate applies.
     *
     * @return bucket capacity, 0 (same as {@link #callerPerMinute()}) by default
     */
    long callerBurst() default 0;

    /**
     * Invocations per minute across all callers.
     *
     * @return tokens per minute, 0 (off) by default
     */
    long functionPerMinute() default 0;

    /**
     * Burst across all callers.
     *
     * @return capacity, 0 (same as {@link #functionPerMinute()}) by default
     */
    long functionBurst() default 0;

    /**
     * Spend accounting window in seconds.
     *
     * @return seconds, 3600 by default
     */
    long spendWindowSeconds() default 3600;

    /**
     * GB-seconds one caller may use per window. Denied with {@code SPEND}.
     *
     * @return GB-seconds, 0 (off) by default
     */
    double callerGbSeconds() default 0;

    /**
     * GB-seconds the function may use per window across all callers.
     *
     * @return GB-seconds, 0 (off) by default
     */
    double functionGbSeconds() default 0;

    /**
     * Money one caller may spend per window, in the currency of the prices (USD by default).
     *
     * @return amount, 0 (off) by default
     */
    double callerSpend() default 0;

    /**
     * Money the function may spend per window across all callers.
     *
     * @return amount, 0 (off) by default
     */
    double functionSpend() default 0;

    /**
     * Price per GB-second used by the cost model.
     *
     * @return price, AWS Lambda x86 us-east-1 by default
     */
    double pricePerGbSecond() default CostModel.DEFAULT_PRICE_PER_GB_SECOND;

    /**
     * Price per request used by the cost model.
     *
     * @return price, AWS Lambda us-east-1 by default
     */
    double pricePerRequest() default CostModel.DEFAULT_PRICE_PER_REQUEST;

    /**
     * Maximum records in one batch event (SQS, Kinesis, S3...). Denied with {@code BATCH_SIZE}.
     *
     * @return records, 0 (no limit) by default
     */
    int maxRecords() default 0;

    /**
     * Deadline for user code, shorter than the platform's timeout. On expiry the guard answers (HTTP
     * 503), audits {@code TIMEOUT} and interrupts the handler.
     *
     * @return milliseconds, 0 (the platform's timeout only) by default
     */
    long maxMillis() default 0;

    /**
     * Time kept in reserve: when less than this remains of the platform's timeout, the guard refuses to
     * start work ({@code TIMEOUT}), and user code's deadline ends this long before the platform's.
     *
     * @return milliseconds, 0 by default
     */
    long reserveMillis() default 0;

    /**
     * Invocations running at once in this instance (for runtimes that run them concurrently, like the
     * Azure Functions Java worker). Denied with {@code CONCURRENCY} (503).
     *
     * @return permits, 0 (no bulkhead) by default
     */
    int maxConcurrent() default 0;

    /**
     * What the rate budgets do when their store cannot answer in time: {@code OPEN} favours
     * availability (let through, audited {@code STORE_UNAVAILABLE}).
     *
     * @return the mode, {@link FailMode#CLOSED} by default
     */
    FailMode rateOnStoreFailure() default FailMode.CLOSED;

    /**
     * What the spend budgets do when their store cannot answer in time.
     *
     * @return the mode, {@link FailMode#CLOSED} by default
     */
    FailMode spendOnStoreFailure() default FailMode.CLOSED;
}
