package dev.fnguard.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds Kinesis and DynamoDB Streams batches from AWS's sample events ({@code aws-events/kinesis_event.json},
 * {@code aws-events/dynamo_event.json}), one record per call, each a copy of the sample's first record
 * with only what the test names changed.
 */
final class StreamBatches {

    static final ObjectMapper M = new ObjectMapper();
    static final String STREAM = "arn:aws:kinesis:eu-central-1:123456789012:stream/orders";
    static final String TABLE_STREAM =
            "arn:aws:dynamodb:eu-central-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899";

    private final ObjectNode event;
    private final ArrayNode records;
    private final ObjectNode template;

    private StreamBatches(String sample) {
        event = load(sample);
        records = (ArrayNode) event.get("Records");
        template = records.get(0).deepCopy();
        records.removeAll();
    }

    static ObjectNode load(String sample) {
        try (InputStream in = StreamBatches.class.getResourceAsStream("/aws-events/" + sample)) {
            return (ObjectNode) M.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sample(String sample) {
        return bytes(load(sample));
    }

    /** A Kinesis batch. */
    static StreamBatches kinesis() {
        return new StreamBatches("kinesis_event.json");
    }

    /** A DynamoDB Streams batch. */
    static StreamBatches dynamo() {
        return new StreamBatches("dynamo_event.json");
    }

    /** Adds a Kinesis record of stream {@link #STREAM} whose data is the base64 of {@code json}. */
    StreamBatches record(String seq, String shard, String json) {
        return raw(seq, shard, STREAM, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds a Kinesis record with its data as given (base64 or not). */
    StreamBatches raw(String seq, String shard, String arn, String data) {
        ObjectNode r = template.deepCopy();
        ObjectNode k = (ObjectNode) r.get("kinesis");
        k.put("sequenceNumber", seq);
        k.put("data", data);
        r.put("eventID", shard + ":" + seq);
        if (arn == null) {
            r.remove("eventSourceARN");
        } else {
            r.put("eventSourceARN", arn);
        }
        records.add(r);
        return this;
    }

    /** Adds a DynamoDB record of {@link #TABLE_STREAM}: {@code INSERT} with {@code image} as {@code NewImage}. */
    StreamBatches insert(String seq, String image) {
        return change(seq, TABLE_STREAM, r -> {
            ObjectNode d = (ObjectNode) r.get("dynamodb");
            d.set("NewImage", tree(image));
        });
    }

    /** Adds a DynamoDB record (a copy of the sample's INSERT) changed by {@code edit}. */
    StreamBatches change(String seq, String arn, Consumer<ObjectNode> edit) {
        ObjectNode r = template.deepCopy();
        ((ObjectNode) r.get("dynamodb")).put("SequenceNumber", seq);
        r.put("eventSourceARN", arn);
        edit.accept(r);
        records.add(r);
        return this;
    }

    byte[] bytes() {
        return bytes(event);
    }

    static JsonNode tree(String json) {
        try {
            return M.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return M.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Invokes a handler and returns the {@code itemIdentifier}s of its {@code StreamsEventResponse}. */
    static List<String> failures(com.amazonaws.services.lambda.runtime.RequestStreamHandler h, byte[] event)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event), out, new TestContext("req-1"));
        JsonNode answer = M.readTree(out.toByteArray());
        List<String> ids = new ArrayList<>();
        answer.get("batchItemFailures").forEach(n -> ids.add(n.get("itemIdentifier").asText()));
        return ids;
    }

    /** The terminal audit events: those without a {@code recordId=} field. */
    static List<AuditEvent> terminal(List<AuditEvent> audit) {
        return audit.stream().filter(e -> e.fields().stream().noneMatch(f -> f.startsWith("recordId="))).toList();
    }

    /** The per-record audit events, as {@code id:REASON} (or {@code id:outcome} when no reason). */
    static List<String> perRecord(List<AuditEvent> audit) {
        List<String> out = new ArrayList<>();
        for (AuditEvent e : audit) {
            e.fields().stream().filter(f -> f.startsWith("recordId=")).findFirst().ifPresent(f -> out.add(
                    f.substring("recordId=".length()) + ":"
                            + (e.reasons().isEmpty() ? e.outcome().wireName() : String.join(",", e.reasons()))));
        }
        return out;
    }
}
