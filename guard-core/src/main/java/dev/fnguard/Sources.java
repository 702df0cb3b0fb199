package dev.fnguard;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Event-source rules, nested in {@link Guarded#sources()}: the allow-list of sources that may invoke
 * the handler and the queue poison cap.
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
}
