package dev.fnguard;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Event-source rules, nested in {@link Guarded#sources()}: the allow-lists of sources, accounts and
 * regions that may invoke the handler, the queue poison cap, the object rules and the loop guard.
 *
 * <p>Each entry of {@link #allowed()} is a pattern in which {@code *} matches any run of characters:
 * an ARN ({@code arn:aws:sqs:eu-west-1:123456789012:payments-*}, {@code arn:aws:s3:::uploads-prod}),
 * {@code iot:<MQTT topic filter>} or {@code events:<EventBridge source>}. A record whose source
 * matches none of the entries for its kind is denied with {@link Reason#SOURCE}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Sources {

    /** @return allowed source patterns; empty (any source) by default */
    String[] allowed() default {};

    /** @return the highest SQS {@code ApproximateReceiveCount} accepted before {@link Reason#POISON}; 5 by default */
    int maxReceiveCount() default 5;

    /** @return a regular expression object keys (URL-decoded) must match entirely; empty for any key */
    String objectKeyPattern() default "";

    /** @return the largest object size in bytes accepted; 0 for no limit */
    long maxObjectBytes() default 0;

    /** @return prefixes of the object event names accepted, for example {@code "ObjectCreated:"}; empty for all */
    String[] objectEvents() default {};

    /**
     * The loop guard: the highest hop count accepted (the {@code fnguard-hop} message attribute, the
     * {@code Lineage} count of the X-Ray trace header); a record above it is denied with
     * {@link Reason#LOOP}. {@code FNGUARD_MAX_HOPS} may lower it.
     *
     * @return the limit, at least 1; 16 by default
     */
    int maxHops() default SourceSettings.DEFAULT_MAX_HOPS;

    /**
     * AWS account ids the records' sources must belong to ({@code *} matches any run of digits);
     * {@code FNGUARD_ALLOWED_ACCOUNTS} replaces the list. A record whose account is known and not
     * listed is denied with {@link Reason#SOURCE}, and so is a record that names no account, except
     * S3 notifications and IoT rule events, whose format carries none (see {@code docs/sources.md}).
     *
     * @return account ids or patterns; empty (any account) by default
     */
    String[] accounts() default {};

    /**
     * AWS regions the records' sources must be in ({@code eu-*} style patterns);
     * {@code FNGUARD_ALLOWED_REGIONS} replaces the list. A record whose region is known and not listed
     * is denied with {@link Reason#SOURCE}, and so is a record that names no region, except IoT rule
     * events, whose format carries none.
     *
     * @return regions or patterns; empty (any region) by default
     */
    String[] regions() default {};

    /**
     * @return EventBridge {@code detail-type} patterns accepted ({@code *} matches any run of
     *     characters, for example {@code "Order *"}); empty for any. A record of the {@code events}
     *     family whose detail-type matches none is denied with {@link Reason#SOURCE}.
     */
    String[] eventDetailTypes() default {};

    /**
     * @return whether every SNS message must carry a valid signature (SignatureVersion 1 or 2, signing
     *     certificate fetched over HTTPS from an {@code sns.<region>.amazonaws.com} host); false by
     *     default. A missing or bad signature is denied with {@link Reason#SIGNATURE}, an unreachable
     *     certificate with {@link Reason#KEYS_UNAVAILABLE}.
     */
    boolean verifySnsSignature() default false;

    /**
     * What happens to a record the guard denies in a batch that reports partial failures (SQS,
     * Kinesis, DynamoDB Streams): by default it is reported failed ({@code batchItemFailures}), so the
     * platform retries it and in the end dead-letters it or sends it to the on-failure destination;
     * with {@code true} it is dropped after its own audit event, so a forged or invalid record, which
     * would only fail again, neither comes back nor blocks a stream shard. Records whose handling
     * throws are always reported failed. {@code FNGUARD_DROP_DENIED} overrides it.
     *
     * @return true to drop denied records; false (report them failed) by default
     */
    boolean dropDenied() default false;
}
