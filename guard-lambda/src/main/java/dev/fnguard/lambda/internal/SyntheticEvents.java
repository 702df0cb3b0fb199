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

    /**
     * @param s the policy's source settings
     * @return an SNS notification (unsigned) of an empty message from an allowed topic
     */
    public static byte[] sns(SourceSettings s) {
        String arn = allowed(s, "arn:aws:sns", "arn:aws:sns:us-east-1:000000000000:" + PRIME);
        return bytes("{\"Records\":[{\"EventSource\":\"aws:sns\",\"EventVersion\":\"1.0\","
                + "\"EventSubscriptionArn\":\"" + arn + ":" + PRIME + "\",\"Sns\":{\"Type\":\"Notification\","
                + "\"MessageId\":\"" + PRIME + "\",\"TopicArn\":\"" + arn + "\",\"Message\":\"{}\","
                + "\"Timestamp\":\"1970-01-01T00:00:00.000Z\",\"MessageAttributes\":{}}}]}");
    }

    /**
     * @param s the policy's source settings
     * @return an EventBridge event with an empty detail from an allowed source
     */
    public static byte[] eventBridge(SourceSettings s) {
        String source = allowed(s, "events", "events:" + PRIME).substring("events:".length());
        String detailType = s.eventDetailTypes().isEmpty() ? PRIME : s.eventDetailTypes().get(0).replace("*", PRIME);
        return bytes("{\"version\":\"0\",\"id\":\"" + PRIME + "\",\"detail-type\":\"" + detailType + "\","
                + "\"source\":\"" + source + "\",\"account\":\"000000000000\",\"time\":\"1970-01-01T00:00:00Z\","
                + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}");
    }

    /**
     * @param s the policy's source settings
     * @return a Kinesis event of one record with data {@code {}} from an allowed stream
     */
    public static byte[] kinesis(SourceSettings s) {
        String arn = allowed(s, "arn:aws:kinesis", "arn:aws:kinesis:us-east-1:000000000000:stream/" + PRIME);
        return bytes("{\"Records\":[{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"" + PRIME + "\","
                + "\"sequenceNumber\":\"1\",\"data\":\"e30=\",\"approximateArrivalTimestamp\":0},"
                + "\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\",\"eventID\":\"shardId-000000000000:1\","
                + "\"eventName\":\"aws:kinesis:record\",\"awsRegion\":\"us-east-1\",\"eventSourceARN\":\"" + arn + "\"}]}");
    }

    /**
     * @param s the policy's source settings
     * @return a DynamoDB Streams INSERT of an empty item from an allowed table stream
     */
    public static byte[] dynamoDb(SourceSettings s) {
        String arn = allowed(s, "arn:aws:dynamodb",
                "arn:aws:dynamodb:us-east-1:000000000000:table/" + PRIME + "/stream/" + PRIME);
        return bytes("{\"Records\":[{\"eventID\":\"" + PRIME + "\",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\","
                + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"Keys\":{},"
                + "\"NewImage\":{},\"SequenceNumber\":\"1\",\"SizeBytes\":1,\"StreamViewType\":\"NEW_IMAGE\"},"
                + "\"eventSourceARN\":\"" + arn + "\"}]}");
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
