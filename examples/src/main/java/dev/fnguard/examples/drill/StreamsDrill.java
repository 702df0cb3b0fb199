package dev.fnguard.examples.drill;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.ClickStream;
import dev.fnguard.examples.OrdersTableStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code ClickStream} (Kinesis) and {@code OrdersTableStream} (DynamoDB Streams) under attack: AWS's
 * sample stream events turned into benign and malicious batches. A batch with any denied record is
 * audited as a denial naming its reasons (the {@code batchItemFailures} themselves are asserted in
 * the examples' tests).
 */
public final class StreamsDrill {

    /** The click stream the drill's {@code ClickStream} accepts. */
    public static final String CLICKS = "arn:aws:kinesis:eu-central-1:123456789012:stream/clicks";
    /** The orders table stream the drill's {@code OrdersTableStream} accepts. */
    public static final String ORDERS =
            "arn:aws:dynamodb:eu-central-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A valid click. */
    public static final String CLICK = "{\"sessionId\":\"sess-0001-abcd\",\"page\":\"/products/42\",\"ts\":1767225600000}";
    /** A valid order item, as attribute-value JSON. */
    public static final String ORDER = "{\"orderId\":{\"S\":\"3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90\"},"
            + "\"status\":{\"S\":\"PAID\"},\"total\":{\"N\":\"129.90\"},\"currency\":{\"S\":\"EUR\"}}";

    private StreamsDrill() {
    }

    /** {@code ClickStream}: Kinesis batches. */
    public static final class Clicks implements DrillSuite {
        @Override
        public String function() {
            return "ClickStream";
        }

        @Override
        public Map<String, String> environment() {
            return Map.of("FNGUARD_ALLOWED_SOURCES", CLICKS);
        }

        @Override
        public RequestStreamHandler create(GuardOptions options) {
            return new ClickStream(options);
        }

        @Override
        public List<DrillCase> cases() {
            List<DrillCase> c = new ArrayList<>();
            c.add(DrillCase.of("batch of 3 valid clicks, 2 shards", Expect.allow(0),
                    kinesis(r -> data(r, CLICK), r -> data(shard(r, 1), CLICK), r -> data(r, CLICK))));
            c.add(DrillCase.of("record from another stream", Expect.deny(0, "SOURCE"), kinesis(r -> data(r, CLICK),
                    r -> data(r, CLICK).put("eventSourceARN", "arn:aws:kinesis:eu-central-1:123456789012:stream/audit"))));
            c.add(DrillCase.of("record from another account", Expect.deny(0, "SOURCE"), kinesis(r -> data(r, CLICK)
                    .put("eventSourceARN", "arn:aws:kinesis:eu-central-1:666666666666:stream/clicks"))));
            c.add(DrillCase.of("AWS's sample as sent (placeholder ARN)", Expect.deny(0, "SOURCE"),
                    () -> stream(SampleEvents.toBytes(SampleEvents.load("kinesis_event.json")))));
            c.add(DrillCase.of("data that is not base64", Expect.deny(0, "ENCODING"), kinesis(r -> data(r, CLICK),
                    r -> rawData(shard(r, 1), "<script>alert(1)</script>"))));
            c.add(DrillCase.of("sample's plain-text data", Expect.deny(0, "MALFORMED"), kinesis(r -> r)));
            c.add(DrillCase.of("mass-assignment field", Expect.deny(0, "UNKNOWN_FIELD"), kinesis(r -> data(r,
                    "{\"sessionId\":\"sess-0001-abcd\",\"page\":\"/\",\"ts\":1,\"isAdmin\":true}"))));
            c.add(DrillCase.of("path traversal in page", Expect.deny(0, "CONSTRAINT"), kinesis(r -> data(r,
                    "{\"sessionId\":\"sess-0001-abcd\",\"page\":\"/..\\\\..\\\\etc\\\\passwd\",\"ts\":1}"))));
            c.add(DrillCase.of("JSON bomb in data", Expect.deny(0, "LIMIT_DEPTH"), kinesis(r -> data(r,
                    "{\"sessionId\":" + "[".repeat(64) + "]".repeat(64) + "}"))));
            c.add(DrillCase.of("2 KiB record", Expect.deny(0, "LIMIT_BODY"), kinesis(r -> data(r,
                    "{\"sessionId\":\"sess-0001-abcd\",\"page\":\"/" + "a".repeat(2048) + "\",\"ts\":1}"))));
            c.add(DrillCase.of("SQS record sent to the stream consumer", Expect.deny(0, "MALFORMED"),
                    kinesis(r -> data(r, CLICK).put("eventSource", "aws:sqs"))));
            return c;
        }
    }

    /** {@code OrdersTableStream}: DynamoDB Streams batches. */
    public static final class OrdersTable implements DrillSuite {
        @Override
        public String function() {
            return "OrdersTableStream";
        }

        @Override
        public Map<String, String> environment() {
            return Map.of("FNGUARD_ALLOWED_SOURCES", "arn:aws:dynamodb:eu-central-1:123456789012:table/orders/stream/*");
        }

        @Override
        public RequestStreamHandler create(GuardOptions options) {
            return new OrdersTableStream(options);
        }

        @Override
        public List<DrillCase> cases() {
            List<DrillCase> c = new ArrayList<>();
            c.add(DrillCase.of("insert, modify, remove of valid orders", Expect.allow(0), dynamo(
                    r -> image(r, "NewImage", ORDER),
                    r -> image(r, "NewImage", ORDER.replace("PAID", "SHIPPED")).put("eventName", "MODIFY"),
                    r -> image(image(r, "OldImage", ORDER), "NewImage", null).put("eventName", "REMOVE"))));
            c.add(DrillCase.of("record from another table", Expect.deny(0, "SOURCE"), dynamo(r -> image(r, "NewImage",
                    ORDER).put("eventSourceARN", ORDERS.replace("table/orders", "table/payments")))));
            c.add(DrillCase.of("record from another account", Expect.deny(0, "SOURCE"), dynamo(r -> image(r, "NewImage",
                    ORDER).put("eventSourceARN", ORDERS.replace("123456789012", "666666666666")))));
            c.add(DrillCase.of("AWS's sample as sent (other table)", Expect.deny(0, "SOURCE"),
                    () -> stream(SampleEvents.toBytes(SampleEvents.load("dynamo_event.json")))));
            c.add(DrillCase.of("extra attribute in the image", Expect.deny(0, "UNKNOWN_FIELD"), dynamo(r -> image(r,
                    "NewImage", ORDER.replace("}}", "},\"isAdmin\":{\"BOOL\":true}}")))));
            c.add(DrillCase.of("total with 3 decimals", Expect.deny(0, "CONSTRAINT"), dynamo(r -> image(r,
                    "NewImage", ORDER.replace("129.90", "129.905")))));
            c.add(DrillCase.of("number DynamoDB cannot hold", Expect.deny(0, "MALFORMED"), dynamo(r -> image(r,
                    "NewImage", ORDER.replace("129.90", "1e999999999")))));
            c.add(DrillCase.of("deeply nested map in the image", Expect.deny(0, "LIMIT_DEPTH"), dynamo(r -> image(r,
                    "NewImage", ORDER.replace("{\"S\":\"EUR\"}",
                            "{\"M\":{\"a\":".repeat(300) + "{\"NULL\":true}" + "}}".repeat(300))))));
            c.add(DrillCase.of("64 KiB string in the image", Expect.deny(0, "LIMIT_BODY"), dynamo(r -> image(r,
                    "NewImage", ORDER.replace("EUR", "E".repeat(64 * 1024))))));
            c.add(DrillCase.of("unknown event name", Expect.deny(0, "UNSUPPORTED_EVENT"), dynamo(r -> image(r,
                    "NewImage", ORDER).put("eventName", "TRUNCATE"))));
            return c;
        }
    }

    /**
     * A Kinesis batch: one copy of the sample's record per edit, on the allowed stream, in shard 0,
     * with sequence numbers counting up from 49545115243490985.
     *
     * @param edits one per record
     * @return the event
     */
    @SafeVarargs
    public static Supplier<InputStream> kinesis(Function<ObjectNode, ObjectNode>... edits) {
        return batch("kinesis_event.json", CLICKS, edits);
    }

    /**
     * A DynamoDB Streams batch: one copy of the sample's INSERT per edit, on the allowed stream, with
     * sequence numbers counting up from 49545115243490985.
     *
     * @param edits one per record
     * @return the event
     */
    @SafeVarargs
    public static Supplier<InputStream> dynamo(Function<ObjectNode, ObjectNode>... edits) {
        return batch("dynamo_event.json", ORDERS, edits);
    }

    @SafeVarargs
    private static Supplier<InputStream> batch(String sample, String arn,
            Function<ObjectNode, ObjectNode>... edits) {
        ObjectNode event = SampleEvents.load(sample);
        ArrayNode records = (ArrayNode) event.get("Records");
        ObjectNode template = (ObjectNode) records.get(0).deepCopy();
        records.removeAll();
        long seq = 49_545_115_243_490_985L;
        for (Function<ObjectNode, ObjectNode> edit : edits) {
            ObjectNode r = template.deepCopy();
            r.put("eventSourceARN", arn);
            String s = Long.toString(seq++);
            if (r.has("kinesis")) {
                ((ObjectNode) r.get("kinesis")).put("sequenceNumber", s);
                r.put("eventID", "shardId-000000000000:" + s);
            } else {
                ((ObjectNode) r.get("dynamodb")).put("SequenceNumber", s);
            }
            records.add(edit.apply(r));
        }
        byte[] bytes = SampleEvents.toBytes(event);
        return () -> stream(bytes);
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /**
     * Sets a Kinesis record's data to the base64 of {@code json}.
     *
     * @param record the record
     * @param json the data
     * @return the record
     */
    public static ObjectNode data(ObjectNode record, String json) {
        ((ObjectNode) record.get("kinesis")).put("data",
                Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /**
     * Sets a Kinesis record's data as given, base64 or not.
     *
     * @param record the record
     * @param data the data
     * @return the record
     */
    public static ObjectNode rawData(ObjectNode record, String data) {
        ((ObjectNode) record.get("kinesis")).put("data", data);
        return record;
    }

    /**
     * Moves a Kinesis record to shard {@code n}.
     *
     * @param record the record
     * @param n the shard number
     * @return the record
     */
    public static ObjectNode shard(ObjectNode record, int n) {
        String seq = record.get("kinesis").get("sequenceNumber").asText();
        record.put("eventID", String.format("shardId-%012d:%s", n, seq));
        return record;
    }

    /**
     * Sets (or with null removes) a DynamoDB record's image, given as attribute-value JSON; the keys
     * follow the image's {@code orderId}.
     *
     * @param record the record
     * @param which {@code NewImage} or {@code OldImage}
     * @param attributeValueJson the image, or null
     * @return the record
     */
    public static ObjectNode image(ObjectNode record, String which, String attributeValueJson) {
        ObjectNode d = (ObjectNode) record.get("dynamodb");
        if (attributeValueJson == null) {
            d.remove(which);
            return record;
        }
        try {
            d.set(which, MAPPER.readTree(attributeValueJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        d.set("Keys", MAPPER.createObjectNode().set("orderId", d.get(which).get("orderId")));
        return record;
    }
}
