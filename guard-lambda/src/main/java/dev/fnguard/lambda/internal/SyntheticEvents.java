package dev.fnguard.lambda.internal;

import dev.fnguard.SourceSettings;
import dev.fnguard.internal.SourcePattern;
import java.nio.charset.StandardCharsets;

/**
 * Synthetic native events for SnapStart/CRaC priming, never real requests: one record with an empty
 * JSON body, whose origin matches the first allow-list entry of its family (every {@code *},
 * {@code +} and {@code #} replaced by {@code fnguard-prime}), so that priming runs the checks after
 * the source check too.
 */
public final class SyntheticEvents {

    private static final String PRIME = "fnguard-prime";

    private SyntheticEvents() {
    }

    /**
     * @param s the policy's source settings
     * @return an SQS event of one message from an allowed queue
     */
    public static byte[] sqs(SourceSettings s) {
        String arn = allowed(s, "arn:aws:sqs", "arn:aws:sqs:us-east-1:000000000000:" + PRIME);
        return bytes("{\"Records\":[{\"messageId\":\"" + PRIME + "\",\"receiptHandle\":\"" + PRIME + "\",\"body\":\"{}\","
                + "\"attributes\":{\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":\"0\"},\"messageAttributes\":{},"
                + "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"" + arn + "\",\"awsRegion\":\"us-east-1\"}]}");
    }

    /**
     * @param s the policy's source settings
     * @return an S3 {@code ObjectCreated:Put} of one empty object in an allowed bucket
     */
    public static byte[] s3(SourceSettings s) {
        String arn = allowed(s, "arn:aws:s3", "arn:aws:s3:::" + PRIME);
        String bucket = arn.substring(arn.lastIndexOf(':') + 1);
        return bytes("{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"1970-01-01T00:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\","
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"" + bucket + "\",\"arn\":\"" + arn + "\"},"
                + "\"object\":{\"key\":\"" + PRIME + "\",\"size\":0}}}]}");
    }

    /**
     * @param s the policy's source settings
     * @return an IoT rule event on an allowed topic
     */
    public static byte[] iot(SourceSettings s) {
        String topic = allowed(s, "iot", "iot:" + PRIME).substring("iot:".length());
        return bytes("{\"topic\":\"" + topic + "\",\"clientId\":\"" + PRIME + "\"}");
    }

    private static String allowed(SourceSettings s, String family, String fallback) {
        for (String p : s.allowed()) {
            if (SourcePattern.family(p).equals(family)) {
                return p.replace("*", PRIME).replace("+", PRIME).replace("#", PRIME);
            }
        }
        return fallback;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
