package dev.fnguard.lambda;

import static dev.fnguard.lambda.StreamBatches.TABLE_STREAM;
import static dev.fnguard.lambda.StreamBatches.failures;
import static dev.fnguard.lambda.StreamBatches.perRecord;
import static dev.fnguard.lambda.StreamBatches.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Limits;
import dev.fnguard.Sources;
import dev.fnguard.internal.SourceCheck;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardedDynamoDbHandlerTest {

    private final List<AuditEvent> audit = new ArrayList<>();

    /** The sample table's items: {@code {"Id": {"N": ...}, "Message": {"S": ...}}}. */
    record Message(@JsonProperty("Id") @NotNull @Max(1_000_000) Long id,
            @JsonProperty("Message") @NotNull @Size(max = 64) String message) {
    }

    /** The sample table's keys only. */
    record Key(@JsonProperty("Id") @NotNull Long id) {
    }

    /** An item with an exact price. */
    record Priced(@JsonProperty("Id") @NotNull Long id, @JsonProperty("Price") @NotNull BigDecimal price) {
    }

    /** Consumer of the sample table's stream; throws on the message {@code boom}. */
    @Guarded(limits = @Limits(maxBodyBytes = 1024),
            sources = @Sources(allowed = "arn:aws:dynamodb:eu-central-1:123456789012:table/ExampleTableWithStream/stream/*"))
    static final class Messages extends GuardedDynamoDbHandler<Message> {
        final List<Message> delivered = new ArrayList<>();
        final List<RecordContext> contexts = new ArrayList<>();

        Messages(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(Message m, RecordContext ctx) {
            if (m.message().equals("boom")) {
                throw new IllegalStateException("downstream refused");
            }
            delivered.add(m);
            contexts.add(ctx);
        }
    }

    @Guarded
    static final class Keys extends GuardedDynamoDbHandler<Key> {
        final List<Key> delivered = new ArrayList<>();

        Keys(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(Key k, RecordContext ctx) {
            delivered.add(k);
        }
    }

    @Guarded
    static final class Prices extends GuardedDynamoDbHandler<Priced> {
        final List<Priced> delivered = new ArrayList<>();

        Prices(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(Priced p, RecordContext ctx) {
            delivered.add(p);
        }
    }

    private GuardOptions options(Map<String, String> env) {
        return GuardOptions.builder().environment(env).auditSink(audit::add).build();
    }

    private Messages messages() {
        return new Messages(options(Map.of()));
    }

    private static String item(long id, String message) {
        return "{\"Id\":{\"N\":\"" + id + "\"},\"Message\":{\"S\":\"" + message + "\"}}";
    }

    @Test
    void bindsTheNewImageOfInsertAndModifyAndTheOldImageOfRemoveFromTheSampleEvent() throws IOException {
        Messages h = messages();
        assertEquals(List.of(), failures(h, StreamBatches.sample("dynamo_event.json")));
        assertEquals(List.of(new Message(101L, "New item!"), new Message(101L, "This item has changed"),
                new Message(101L, "This item has changed")), h.delivered);
        assertEquals(1, audit.size());
        assertEquals("allow", audit.get(0).decision().wireName());
    }

    @Test
    void givesEventNameIdSequenceNumberKeysViewTypeAccountAndRegion() throws IOException {
        Messages h = messages();
        failures(h, StreamBatches.sample("dynamo_event.json"));
        RecordContext remove = h.contexts.get(2);
        assertEquals("4421584500000000017450439093", remove.recordId());
        assertEquals("REMOVE", remove.attribute(GuardedDynamoDbHandler.EVENT_NAME).orElseThrow());
        assertEquals("eccbc87e4b5ce2fe28308fd9f2a7baf3", remove.attribute(GuardedDynamoDbHandler.EVENT_ID).orElseThrow());
        assertEquals(remove.recordId(), remove.attribute(GuardedDynamoDbHandler.SEQUENCE_NUMBER).orElseThrow());
        assertEquals("{\"Id\":101}", remove.attribute(GuardedDynamoDbHandler.KEYS).orElseThrow());
        assertEquals("NEW_AND_OLD_IMAGES", remove.attribute(GuardedDynamoDbHandler.STREAM_VIEW_TYPE).orElseThrow());
        assertEquals("123456789012", remove.attribute(SourceCheck.ATTR_ACCOUNT).orElseThrow());
        assertEquals("eu-central-1", remove.attribute(SourceCheck.ATTR_REGION).orElseThrow());
    }

    @Test
    void bindsTheKeysWhenTheStreamCarriesNoImage() throws IOException {
        Keys h = new Keys(options(Map.of()));
        byte[] event = StreamBatches.dynamo().change("1", TABLE_STREAM, r -> {
            ObjectNode d = (ObjectNode) r.get("dynamodb");
            d.remove("NewImage");
            d.put("StreamViewType", "KEYS_ONLY");
            d.set("Keys", StreamBatches.tree("{\"Id\":{\"N\":\"7\"}}"));
        }).bytes();
        assertEquals(List.of(), failures(h, event));
        assertEquals(List.of(new Key(7L)), h.delivered);
    }

    @Test
    void keepsTheExactValueOfANumber() throws IOException {
        Prices h = new Prices(options(Map.of()));
        String digits38 = "1234567890123456789012345678.9012345678";
        byte[] event = StreamBatches.dynamo()
                .insert("1", "{\"Id\":{\"N\":\"9007199254740993\"},\"Price\":{\"N\":\"" + digits38 + "\"}}")
                .insert("2", "{\"Id\":{\"N\":\"2\"},\"Price\":{\"N\":\"19.90\"}}")
                .bytes();
        assertEquals(List.of(), failures(h, event));
        assertEquals(9007199254740993L, h.delivered.get(0).id(), "above 2^53: not squeezed through a double");
        assertEquals(new BigDecimal(digits38), h.delivered.get(0).price());
        assertEquals("19.90", h.delivered.get(1).price().toPlainString(), "scale kept");
    }

    @Test
    void deniesRecordsFromOtherTablesAccountsRegionsAndServices() throws IOException {
        Messages h = messages();
        String ok = item(1, "hello");
        // one record per batch: the batch is one shard, so an earlier failure would hide a later record
        for (String arn : List.of(
                "arn:aws:dynamodb:eu-central-1:123456789012:table/Shadow/stream/2015-06-27T00:48:05.899",
                "arn:aws:dynamodb:eu-central-1:999999999999:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899",
                "arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899",
                "arn:aws:dynamodb:eu-central-1:123456789012:table/ExampleTableWithStream",
                "arn:aws:kinesis:eu-central-1:123456789012:stream/ExampleTableWithStream",
                "")) {
            audit.clear();
            byte[] event = StreamBatches.dynamo().change("9", arn, r -> ((ObjectNode) r.get("dynamodb"))
                    .set("NewImage", StreamBatches.tree(ok))).bytes();
            assertEquals(List.of("9"), failures(h, event), arn);
            assertEquals(List.of("9:SOURCE"), perRecord(audit), arn);
        }
        assertTrue(h.delivered.isEmpty());
    }

    @Test
    void letsFnguardAllowedSourcesReplaceTheDeclaredTables() throws IOException {
        String other = "arn:aws:dynamodb:eu-central-1:123456789012:table/Other/stream/2024-01-01T00:00:00.000";
        Messages h = new Messages(options(Map.of("FNGUARD_ALLOWED_SOURCES",
                "arn:aws:dynamodb:eu-central-1:123456789012:table/Other/stream/*")));
        assertEquals(List.of("1"), failures(h, StreamBatches.dynamo().insert("1", item(1, "a")).bytes()));
        assertEquals(List.of(), failures(h, StreamBatches.dynamo().change("2", other,
                r -> ((ObjectNode) r.get("dynamodb")).set("NewImage", StreamBatches.tree(item(2, "b")))).bytes()));
        assertEquals(List.of(new Message(2L, "b")), h.delivered);
    }

    @Test
    void reportsTheFirstBadRecordAndEveryLaterRecordOfTheBatchWithOwnAuditEvents() throws IOException {
        Messages h = messages();
        byte[] event = StreamBatches.dynamo()
                .insert("1", item(1, "ok"))
                .insert("2", item(2, "fine"))
                .insert("3", "{\"Id\":{\"N\":\"3\"},\"Message\":{\"S\":\"x\"},\"admin\":{\"BOOL\":true}}")
                .insert("4", item(4, "ok"))
                .insert("5", item(5, "ok"))
                .bytes();
        assertEquals(List.of("3", "4", "5"), failures(h, event));
        assertEquals(List.of(new Message(1L, "ok"), new Message(2L, "fine")), h.delivered);
        assertEquals(List.of("3:UNKNOWN_FIELD", "4:skipped", "5:skipped"), perRecord(audit));
        assertEquals(1, terminal(audit).size(), "exactly one terminal audit event");
    }

    @Test
    void reportsARecordWhoseHandlingThrowsAndEveryLaterRecordUndelivered() throws IOException {
        Messages h = messages();
        byte[] event = StreamBatches.dynamo()
                .insert("1", item(1, "ok"))
                .insert("2", item(2, "boom"))
                .insert("3", item(3, "ok"))
                .bytes();
        assertEquals(List.of("2", "3"), failures(h, event));
        assertEquals(List.of(new Message(1L, "ok")), h.delivered);
        assertEquals(List.of("2:error", "3:skipped"), perRecord(audit));
        assertEquals("error", terminal(audit).get(0).outcome().wireName());
    }

    @Test
    void refusesSchemaViolationsBadNumbersAndUnknownEventNames() throws IOException {
        Messages h = messages();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"Id\":{\"N\":\"5000000\"},\"Message\":{\"S\":\"x\"}}", "CONSTRAINT");
        cases.put("{\"Id\":{\"S\":\"101\"},\"Message\":{\"S\":\"x\"}}", "TYPE");
        cases.put("{\"Id\":{\"N\":\"abc\"},\"Message\":{\"S\":\"x\"}}", "MALFORMED");
        cases.put("{\"Id\":{\"N\":\"1e999999999\"},\"Message\":{\"S\":\"x\"}}", "MALFORMED");
        cases.put("{\"Id\":{\"N\":\"1\",\"S\":\"1\"},\"Message\":{\"S\":\"x\"}}", "MALFORMED");
        cases.put("{\"Id\":{},\"Message\":{\"S\":\"x\"}}", "MALFORMED");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            audit.clear();
            assertEquals(List.of("1"), failures(h, StreamBatches.dynamo().insert("1", c.getKey()).bytes()), c.getKey());
            assertEquals(List.of("1:" + c.getValue()), perRecord(audit), c.getKey());
        }
        audit.clear();
        byte[] unknown = StreamBatches.dynamo().change("1", TABLE_STREAM, r -> r.put("eventName", "TRUNCATE")).bytes();
        assertEquals(List.of("1"), failures(h, unknown));
        assertEquals(List.of("1:UNSUPPORTED_EVENT"), perRecord(audit));
        assertTrue(h.delivered.isEmpty());
    }

    @Test
    void refusesADeeplyNestedImageAtTheDepthLimitWithoutDescendingFurther() throws IOException {
        Messages h = messages();
        // 400 nested maps: 800 JSON levels, which AWS's serializer still reads (its cap is 1000)
        String deep = "{\"M\":{\"a\":".repeat(400) + "{\"NULL\":true}" + "}}".repeat(400);
        byte[] event = StreamBatches.dynamo()
                .insert("1", item(1, "ok"))
                .insert("2", "{\"Id\":{\"N\":\"2\"},\"Message\":" + deep + "}")
                .bytes();
        assertEquals(List.of("2"), failures(h, event));
        assertEquals(List.of("2:LIMIT_DEPTH"), perRecord(audit));
    }

    @Test
    void answersAnImageNestedBeyondWhatTheDeserializerReadsAsTheFailureOfTheWholeBatch() throws IOException {
        Messages h = messages();
        String deep = "{\"M\":{\"a\":".repeat(5000) + "{\"NULL\":true}" + "}}".repeat(5000);
        byte[] event = StreamBatches.dynamo().insert("1", item(1, "ok")).bytes();
        String json = new String(event, java.nio.charset.StandardCharsets.UTF_8)
                .replace("{\"S\":\"ok\"}", deep);
        assertEquals(List.of(""), failures(h, json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(List.of("MALFORMED"), audit.get(0).reasons());
        assertTrue(h.delivered.isEmpty());
    }

    @Test
    void refusesHugeImagesAtTheByteLimitAndWideOnesAtTheArrayLimit() throws IOException {
        Messages h = messages();
        String bigString = "{\"Id\":{\"N\":\"1\"},\"Message\":{\"S\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        StringBuilder manyNulls = new StringBuilder("{\"Id\":{\"N\":\"1\"},\"Message\":{\"L\":[");
        for (int i = 0; i < 100_000; i++) {
            manyNulls.append(i == 0 ? "" : ",").append("{\"NULL\":true}");
        }
        manyNulls.append("]}}");
        String bigBinary = "{\"Id\":{\"N\":\"1\"},\"Message\":{\"B\":\""
                + java.util.Base64.getEncoder().encodeToString(new byte[512 * 1024]) + "\"}}";
        for (String image : List.of(bigString, manyNulls.toString(), bigBinary)) {
            audit.clear();
            assertEquals(List.of("1"), failures(h, StreamBatches.dynamo().insert("1", image).bytes()));
            assertEquals(List.of("1:LIMIT_BODY"), perRecord(audit));
        }
        Prices wide = new Prices(options(Map.of()));
        StringBuilder list = new StringBuilder("{\"Id\":{\"N\":\"1\"},\"Price\":{\"NS\":[");
        for (int i = 0; i < 5000; i++) {
            list.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        list.append("]}}");
        audit.clear();
        assertEquals(List.of("1"), failures(wide, StreamBatches.dynamo().insert("1", list.toString()).bytes()));
        assertEquals(List.of("1:LIMIT_ARRAY"), perRecord(audit));
    }
}
