package dev.fnguard.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The events the per-source benchmarks send, built from AWS's own sample events (in
 * {@code resources/events}, with their licenses): an S3 {@code ObjectCreated:Put} of one object, an
 * SQS batch of ten payment messages, an IoT rule event of one telemetry reading. Each is accepted by
 * the guarded handler it is meant for.
 */
final class SourceEvents {

    /** The bucket the S3 handlers allow. */
    static final String BUCKET = "uploads-prod";
    /** The queue the SQS handlers allow. */
    static final String QUEUE = "arn:aws:sqs:eu-west-1:123456789012:payments-prod";

    private static final ObjectMapper M = new ObjectMapper();

    private SourceEvents() {
    }

    /** @return AWS's sample S3 event, for an image under {@code uploads/} of bucket {@link #BUCKET} */
    static byte[] s3() {
        ObjectNode e = read("/events/s3_event.json");
        ObjectNode s3 = (ObjectNode) e.get("Records").get(0).get("s3");
        ((ObjectNode) s3.get("bucket")).put("name", BUCKET).put("arn", "arn:aws:s3:::" + BUCKET);
        ((ObjectNode) s3.get("object")).put("key", "uploads/2026/12/cat-photo.jpg")
                .put("urlDecodedKey", "uploads/2026/12/cat-photo.jpg").put("size", 524_288);
        return bytes(e);
    }

    /** @return AWS's sample SQS event with ten valid payment messages from {@link #QUEUE} */
    static byte[] sqsBatchOfTen() {
        ObjectNode e = read("/events/sqsEvent.json");
        ArrayNode records = (ArrayNode) e.get("Records");
        ObjectNode template = (ObjectNode) records.get(0).deepCopy();
        // the sample's binaryValue "base64Str" is not base64, which the runtime's own serializer refuses
        template.putObject("messageAttributes");
        records.removeAll();
        for (int i = 0; i < 10; i++) {
            ObjectNode r = template.deepCopy();
            r.put("messageId", "3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d" + (10 + i));
            r.put("body", "{\"paymentId\":\"7a2d4e6f-1b3c-4d5e-8f9a-0b1c2d3e4f" + (10 + i) + "\",\"amountCents\":"
                    + (1250 + i) + ",\"currency\":\"EUR\"}");
            r.put("eventSourceARN", QUEUE);
            records.add(r);
        }
        return bytes(e);
    }

    /** @return an IoT rule event: a telemetry reading plus the rule's {@code topic} and {@code clientId} */
    static byte[] iot() {
        return ("{\"deviceId\":\"sensor-0042\",\"ts\":1764547200000,\"temperature\":21.5,"
                + "\"topic\":\"sensors/sensor-0042/telemetry\",\"clientId\":\"sensor-0042\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = SourceEvents.class.getResourceAsStream(resource)) {
            return (ObjectNode) M.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode e) {
        try {
            return M.writeValueAsBytes(e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
