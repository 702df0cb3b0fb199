package dev.fnguard.lambda;

import static dev.fnguard.lambda.StreamBatches.STREAM;
import static dev.fnguard.lambda.StreamBatches.failures;
import static dev.fnguard.lambda.StreamBatches.perRecord;
import static dev.fnguard.lambda.StreamBatches.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Limits;
import dev.fnguard.Sources;
import dev.fnguard.internal.SourceCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardedKinesisHandlerTest {

    private static final String OK = "{\"sku\":\"ABC-123\",\"quantity\":2}";
    private static final String SHARD_A = "shardId-000000000000";
    private static final String SHARD_B = "shardId-000000000001";
    private static final String SHARD_C = "shardId-000000000002";

    private final List<AuditEvent> audit = new ArrayList<>();

    /** Consumer of the orders stream; throws on the sku {@code BOOM-1}. */
    @Guarded(limits = @Limits(maxBodyBytes = 1024), sources = @Sources(allowed = STREAM))
    static final class Orders extends GuardedKinesisHandler<Item> {
        final List<String> delivered = new ArrayList<>();
        final List<RecordContext> contexts = new ArrayList<>();

        Orders(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(Item item, RecordContext ctx) {
            if (item.sku().equals("BOOM-1")) {
                throw new IllegalStateException("downstream refused");
            }
            delivered.add(ctx.recordId());
            contexts.add(ctx);
        }
    }

    private Orders orders(Map<String, String> env) {
        return new Orders(GuardOptions.builder().environment(env).auditSink(audit::add).build());
    }

    private Orders orders() {
        return orders(Map.of());
    }

    @Test
    void deliversEveryRecordOfABenignBatchAndReportsNoFailure() throws IOException {
        Orders h = orders();
        byte[] event = StreamBatches.kinesis().record("1", SHARD_A, OK).record("2", SHARD_B, OK)
                .record("3", SHARD_A, "{\"sku\":\"XYZ-9\",\"quantity\":1000}").bytes();
        assertEquals(List.of(), failures(h, event));
        assertEquals(List.of("1", "2", "3"), h.delivered);
        assertEquals(1, audit.size(), "one terminal event, no per-record event");
        assertEquals("allow", audit.get(0).decision().wireName());
    }

    @Test
    void givesPartitionKeySequenceNumberShardArrivalTimeAccountAndRegion() throws IOException {
        Orders h = orders();
        failures(h, StreamBatches.kinesis().record("49545115243490985018280067714973144582180062593244200961",
                SHARD_A, OK).bytes());
        RecordContext ctx = h.contexts.get(0);
        assertEquals("49545115243490985018280067714973144582180062593244200961", ctx.recordId());
        assertEquals("partitionKey-03", ctx.attribute(GuardedKinesisHandler.PARTITION_KEY).orElseThrow());
        assertEquals(ctx.recordId(), ctx.attribute(GuardedKinesisHandler.SEQUENCE_NUMBER).orElseThrow());
        assertEquals(SHARD_A, ctx.attribute(GuardedKinesisHandler.SHARD_ID).orElseThrow());
        assertEquals("2015-04-09T00:00:00Z", ctx.attribute(GuardedKinesisHandler.ARRIVAL_TIMESTAMP).orElseThrow());
        assertEquals("123456789012", ctx.attribute(SourceCheck.ATTR_ACCOUNT).orElseThrow());
        assertEquals("eu-central-1", ctx.attribute(SourceCheck.ATTR_REGION).orElseThrow());
        assertEquals(STREAM, ctx.attribute(SourceCheck.ATTR_SOURCE).orElseThrow());
    }

    /** Without an allow-list, so that the sample's placeholder ARN passes. */
    @Guarded
    static final class Open extends GuardedKinesisHandler<Item> {
        Open(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(Item item, RecordContext ctx) {
            // accepted
        }
    }

    @Test
    void reportsTheSampleEventsPlainTextDataAsMalformedBySequenceNumber() throws IOException {
        Open h = new Open(GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build());
        // the sample's data is base64 of "Hello, this is a test 123.", not JSON
        assertEquals(List.of("49545115243490985018280067714973144582180062593244200961"),
                failures(h, StreamBatches.sample("kinesis_event.json")));
        assertEquals(List.of("49545115243490985018280067714973144582180062593244200961:MALFORMED"), perRecord(audit));
    }

    @Test
    void deniesRecordsFromOtherStreamsAccountsRegionsAndServices() throws IOException {
        Orders h = orders();
        byte[] event = StreamBatches.kinesis()
                .raw("1", "shardId-1", "arn:aws:kinesis:eu-central-1:123456789012:stream/orders-shadow", b64(OK))
                .raw("2", "shardId-2", "arn:aws:kinesis:eu-central-1:999999999999:stream/orders", b64(OK))
                .raw("3", "shardId-3", "arn:aws:kinesis:us-east-1:123456789012:stream/orders", b64(OK))
                .raw("4", "shardId-4", "arn:aws:sqs:eu-central-1:123456789012:orders", b64(OK))
                .raw("5", "shardId-5", null, b64(OK))
                .raw("6", "shardId-6", STREAM, b64(OK))
                .bytes();
        assertEquals(List.of("1", "2", "3", "4", "5"), failures(h, event));
        assertEquals(List.of("6"), h.delivered);
        assertEquals(List.of("1:SOURCE", "2:SOURCE", "3:SOURCE", "4:SOURCE", "5:SOURCE"), perRecord(audit));
    }

    @Test
    void reportsExactlyTheBadRecordsOfAMixedBatchAndEveryLaterRecordOfTheirShards() throws IOException {
        Orders h = orders();
        byte[] event = StreamBatches.kinesis()
                .record("a1", SHARD_A, OK)
                .record("b1", SHARD_B, OK)
                .raw("a2", SHARD_A, STREAM, "not base64!")
                .record("b2", SHARD_B, "{\"sku\":\"ABC-123\",\"quantity\":2,\"admin\":true}")
                .record("a3", SHARD_A, OK)
                .record("c1", SHARD_C, "{\"sku\":\"ABC-123\",\"quantity\":0}")
                .record("b3", SHARD_B, OK)
                .record("c2", SHARD_C, OK)
                .record("d1", "shardId-000000000003", OK)
                .bytes();
        assertEquals(List.of("a2", "b2", "a3", "c1", "b3", "c2"), failures(h, event));
        assertEquals(List.of("a1", "b1", "d1"), h.delivered);
        assertEquals(List.of("a2:ENCODING", "b2:UNKNOWN_FIELD", "a3:skipped", "c1:CONSTRAINT", "b3:skipped",
                "c2:skipped"), perRecord(audit));
        assertEquals(1, terminal(audit).size(), "exactly one terminal audit event");
        assertEquals("deny", terminal(audit).get(0).decision().wireName());
    }

    @Test
    void reportsARecordWhoseHandlingThrowsAndEveryLaterRecordOfItsShardUndelivered() throws IOException {
        Orders h = orders();
        byte[] event = StreamBatches.kinesis()
                .record("a1", SHARD_A, OK)
                .record("a2", SHARD_A, "{\"sku\":\"BOOM-1\",\"quantity\":1}")
                .record("b1", SHARD_B, OK)
                .record("a3", SHARD_A, OK)
                .record("b2", SHARD_B, OK)
                .bytes();
        assertEquals(List.of("a2", "a3"), failures(h, event));
        assertEquals(List.of("a1", "b1", "b2"), h.delivered);
        assertEquals(List.of("a2:error", "a3:skipped"), perRecord(audit));
        AuditEvent thrown = audit.stream().filter(e -> e.fields().contains("recordId=a2")).findFirst().orElseThrow();
        assertEquals("java.lang.IllegalStateException", thrown.errorType().orElseThrow());
        assertEquals(1, terminal(audit).size());
        assertEquals("error", terminal(audit).get(0).outcome().wireName());
    }

    @Test
    void deniesEachRecordWithBadBase64DataAndDeliversTheOthers() throws IOException {
        Orders h = orders();
        byte[] event = StreamBatches.kinesis()
                .raw("1", "shardId-1", STREAM, "%%%")
                .raw("2", "shardId-2", STREAM, "QUJD-_")
                // AWS's serializer skips control characters as white space: nothing is left to decode
                .raw("3", "shardId-3", STREAM, "\u0000")
                .record("4", "shardId-4", OK)
                .raw("5", "shardId-5", STREAM, "")
                .bytes();
        assertEquals(List.of("1", "2", "3", "5"), failures(h, event));
        assertEquals(List.of("4"), h.delivered);
        assertEquals(List.of("1:ENCODING", "2:ENCODING", "3:EMPTY_BODY", "5:EMPTY_BODY"), perRecord(audit));
    }

    @Test
    void letsFnguardAllowedSourcesReplaceTheDeclaredStreams() throws IOException {
        String clicks = "arn:aws:kinesis:eu-central-1:123456789012:stream/clicks";
        Orders h = orders(Map.of("FNGUARD_ALLOWED_SOURCES", clicks));
        byte[] event = StreamBatches.kinesis()
                .raw("1", SHARD_A, STREAM, b64(OK))
                .raw("2", SHARD_B, clicks, b64(OK))
                .bytes();
        assertEquals(List.of("1"), failures(h, event));
        assertEquals(List.of("2"), h.delivered);
        assertEquals(List.of("1:SOURCE"), perRecord(audit));
    }

    @Test
    void answersAnEventNoDeserializerReadsAsTheFailureOfTheWholeBatch() throws IOException {
        Orders h = orders();
        for (String bad : List.of("{\"Records\":\"x\"}", "not json", "{\"Records\":[{\"eventSource\":\"aws:sqs\","
                + "\"kinesis\":{\"data\":\"\"}}]}")) {
            audit.clear();
            assertEquals(List.of(""), failures(h, bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertEquals(1, audit.size());
            assertEquals(List.of("MALFORMED"), audit.get(0).reasons());
        }
        assertTrue(h.delivered.isEmpty());
    }

    @Test
    void answersAnEventLargerThanLambdasCeilingAsTheFailureOfTheWholeBatch() throws IOException {
        Orders h = orders();
        byte[] event = StreamBatches.kinesis().record("1", SHARD_A, "{\"sku\":\"" + "A".repeat(7 * 1024 * 1024) + "\"}")
                .bytes();
        assertEquals(List.of(""), failures(h, event));
        assertEquals(List.of("LIMIT_BODY"), audit.get(0).reasons());
    }

    @Test
    void readsABatchLargerThanTheRecordLimitDerivedEventCapAndJudgesEachRecord() throws IOException {
        // 300 records of ~800 bytes: far above 6 x maxBodyBytes + 128 KiB, well below Lambda's 6 MiB
        Orders h = orders();
        StreamBatches b = StreamBatches.kinesis();
        String padded = "{\"sku\":\"ABC-123\",\"quantity\":2" + " ".repeat(700) + "}";
        for (int i = 0; i < 300; i++) {
            b.record(Integer.toString(i), "shardId-" + (i % 4), padded);
        }
        b.record("big", "shardId-9", "{\"sku\":\"ABC-123\",\"quantity\":2" + " ".repeat(2000) + "}");
        assertEquals(List.of("big"), failures(h, b.bytes()));
        assertEquals(300, h.delivered.size());
        assertEquals(List.of("big:LIMIT_BODY"), perRecord(audit));
    }

    @Test
    void answersARecordWithoutSequenceNumberWithTheEmptyIdThatFailsTheWholeBatch() throws IOException {
        Orders h = orders();
        com.fasterxml.jackson.databind.node.ObjectNode event = (com.fasterxml.jackson.databind.node.ObjectNode)
                StreamBatches.tree(new String(StreamBatches.kinesis().record("1", SHARD_A, OK)
                        .record("2", SHARD_B, "{\"bad\":1}").bytes(), StandardCharsets.UTF_8));
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("Records").get(1).get("kinesis"))
                .remove("sequenceNumber");
        assertEquals(List.of(""), failures(h, StreamBatches.bytes(event)));
        assertEquals(List.of("1"), h.delivered);
        assertEquals(List.of("#1:UNKNOWN_FIELD"), perRecord(audit));
    }

    private static String b64(String json) {
        return java.util.Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
