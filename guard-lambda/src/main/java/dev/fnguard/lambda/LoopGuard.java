package dev.fnguard.lambda;

import dev.fnguard.GuardContext;
import dev.fnguard.internal.Hops;

/**
 * Stamps the hop count on what a function writes, so that the next guarded function can stop a
 * recursive loop (reason {@code LOOP}, see {@code @Sources(maxHops)}, default 16): put
 * {@link #ATTRIBUTE} = {@link #nextHop(RecordContext)} on every SQS or SNS message (data type
 * {@value #DATA_TYPE}) and in the user metadata of every S3 object the function writes. With the AWS
 * SDK for Java v2, one line each:
 *
 * <pre>{@code
 * // SQS (SNS alike, with its own MessageAttributeValue type)
 * sqs.sendMessage(b -> b.queueUrl(url).messageBody(json).messageAttributes(Map.of(LoopGuard.ATTRIBUTE,
 *         MessageAttributeValue.builder().dataType(LoopGuard.DATA_TYPE).stringValue(LoopGuard.nextHop(ctx)).build())));
 * // S3: the SDK adds the x-amz-meta- prefix
 * s3.putObject(b -> b.bucket(bucket).key(key).metadata(Map.of(LoopGuard.ATTRIBUTE, LoopGuard.nextHop(ctx))), body);
 * }</pre>
 *
 * <p>S3 notifications do not carry user metadata, so for objects the guard relies on the X-Ray
 * {@code Lineage} field of the invocation's trace header; the metadata entry still lets code that
 * reads the object ({@code HeadObject}) see the count.
 */
public final class LoopGuard {

    /** The message attribute and S3 user metadata key: {@value}. */
    public static final String ATTRIBUTE = Hops.ATTRIBUTE;
    /** The SQS/SNS message attribute data type of {@link #ATTRIBUTE}: {@value}. */
    public static final String DATA_TYPE = "Number";
    /** The S3 object metadata header as stored: {@value}. */
    public static final String METADATA_HEADER = "x-amz-meta-" + Hops.ATTRIBUTE;

    private LoopGuard() {
    }

    /**
     * The value to stamp on what the function writes while handling a record: its hop count plus one.
     *
     * @param context the record's context
     * @return the next hop, as a decimal string
     */
    public static String nextHop(RecordContext context) {
        return Integer.toString(context.hop() + 1);
    }

    /**
     * The value to stamp on what the function writes while handling an invocation without records of
     * its own (an HTTP request): its hop count (0, or the trace lineage) plus one.
     *
     * @param context the invocation's context
     * @return the next hop, as a decimal string
     */
    public static String nextHop(GuardContext context) {
        return Integer.toString(context.hop() + 1);
    }
}
