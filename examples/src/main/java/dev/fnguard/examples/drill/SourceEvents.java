package dev.fnguard.examples.drill;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Batches made from AWS's SQS and S3 sample events (see {@code events/SOURCE.md}): every record is a
 * copy of the sample's first record with only its id, body or key, source and attributes changed.
 * IoT rule events have no envelope; {@link #iot} writes them as the example's rule SQL shapes them.
 */
public final class SourceEvents {

    private SourceEvents() {
    }

    /** An SQS batch started from {@code sqsEvent.json} (standard) or {@code snsSqsFifoEvent.json} (FIFO). */
    public static final class Sqs {
        private final ObjectNode event;
        private final ArrayNode records;
        private final ObjectNode template;

        private Sqs(String sample) {
            event = SampleEvents.load(sample);
            records = (ArrayNode) event.get("Records");
            template = (ObjectNode) records.get(0).deepCopy();
            // the sample's binaryValue "base64Str" is not base64, which the runtime's own serializer refuses
            template.putObject("messageAttributes");
            records.removeAll();
        }

        /** @return a standard-queue batch, no records yet */
        public static Sqs standard() {
            return new Sqs("sqsEvent.json");
        }

        /** @return a FIFO batch (the sample's MessageGroupId, SequenceNumber, deduplication id), no records yet */
        public static Sqs fifo() {
            return new Sqs("snsSqsFifoEvent.json");
        }

        /**
         * Adds a message.
         *
         * @param id the message id
         * @param body the body
         * @param queueArn the queue it claims to come from
         * @return this
         */
        public Sqs add(String id, String body, String queueArn) {
            ObjectNode r = template.deepCopy();
            r.put("messageId", id);
            r.put("body", body);
            r.put("eventSourceARN", queueArn);
            int colon = queueArn.indexOf(':', "arn:aws:sqs:".length());
            if (queueArn.startsWith("arn:aws:sqs:") && colon > 0) {
                r.put("awsRegion", queueArn.substring("arn:aws:sqs:".length(), colon));
            }
            records.add(r);
            return this;
        }

        /**
         * Sets a system attribute of the last message ({@code ApproximateReceiveCount},
         * {@code MessageGroupId}, {@code AWSTraceHeader}).
         *
         * @param name the attribute
         * @param value its value
         * @return this
         */
        public Sqs system(String name, String value) {
            ((ObjectNode) last().get("attributes")).put(name, value);
            return this;
        }

        /**
         * Sets a Number message attribute of the last message, as the sending SDK writes it.
         *
         * @param name the attribute ({@code fnguard-hop})
         * @param value its value
         * @return this
         */
        public Sqs number(String name, String value) {
            ObjectNode a = ((ObjectNode) last().get("messageAttributes")).putObject(name);
            a.put("stringValue", value);
            a.putArray("stringListValues");
            a.putArray("binaryListValues");
            a.put("dataType", "Number");
            return this;
        }

        /**
         * Removes a field of the last message's envelope.
         *
         * @param field the field ({@code eventSourceARN})
         * @return this
         */
        public Sqs without(String field) {
            last().remove(field);
            return this;
        }

        private ObjectNode last() {
            return (ObjectNode) records.get(records.size() - 1);
        }

        /** @return the event, as bytes on demand */
        public Supplier<InputStream> event() {
            byte[] bytes = SampleEvents.toBytes(event);
            return () -> new ByteArrayInputStream(bytes);
        }
    }

    /** An S3 notification started from {@code s3_event.json} (region {@code eu-central-1}). */
    public static final class S3 {
        private final ObjectNode event;
        private final ArrayNode records;
        private final ObjectNode template;

        private S3() {
            event = SampleEvents.load("s3_event.json");
            records = (ArrayNode) event.get("Records");
            template = (ObjectNode) records.get(0).deepCopy();
            // the decoded copy is not part of what S3 sends; the guard decodes the key itself
            ((ObjectNode) template.get("s3").get("object")).remove("urlDecodedKey");
            records.removeAll();
        }

        /** @return a notification, no records yet */
        public static S3 notification() {
            return new S3();
        }

        /**
         * Adds an object record.
         *
         * @param eventName {@code ObjectCreated:Put}, ...
         * @param bucket the bucket
         * @param key the key as S3 encodes it
         * @param size the object size
         * @return this
         */
        public S3 add(String eventName, String bucket, String key, long size) {
            ObjectNode r = template.deepCopy();
            r.put("eventName", eventName);
            ((ObjectNode) r.get("s3").get("bucket")).put("name", bucket);
            ((ObjectNode) r.get("s3").get("bucket")).put("arn", "arn:aws:s3:::" + bucket);
            ((ObjectNode) r.get("s3").get("object")).put("key", key);
            ((ObjectNode) r.get("s3").get("object")).put("size", size);
            records.add(r);
            return this;
        }

        /** @return the event, as bytes on demand */
        public Supplier<InputStream> event() {
            byte[] bytes = SampleEvents.toBytes(event);
            return () -> new ByteArrayInputStream(bytes);
        }
    }

    /**
     * An IoT rule event: the device's JSON with the rule's {@code topic} and {@code clientId} added.
     *
     * @param reading the device's fields, without braces
     * @param topic the topic, or null when the rule selects none
     * @param clientId the client id, or null when the rule selects none
     * @return the event
     */
    public static Supplier<InputStream> iot(String reading, String topic, String clientId) {
        StringBuilder json = new StringBuilder("{").append(reading);
        if (topic != null) {
            json.append(",\"topic\":\"").append(topic).append('"');
        }
        if (clientId != null) {
            json.append(",\"clientId\":\"").append(clientId).append('"');
        }
        byte[] bytes = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        return () -> new ByteArrayInputStream(bytes);
    }
}
