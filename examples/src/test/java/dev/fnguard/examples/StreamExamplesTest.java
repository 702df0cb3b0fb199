package dev.fnguard.examples;

import static dev.fnguard.examples.drill.StreamsDrill.CLICK;
import static dev.fnguard.examples.drill.StreamsDrill.ORDER;
import static dev.fnguard.examples.drill.StreamsDrill.data;
import static dev.fnguard.examples.drill.StreamsDrill.dynamo;
import static dev.fnguard.examples.drill.StreamsDrill.image;
import static dev.fnguard.examples.drill.StreamsDrill.kinesis;
import static dev.fnguard.examples.drill.StreamsDrill.rawData;
import static dev.fnguard.examples.drill.StreamsDrill.shard;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.drill.StreamsDrill;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code ClickStream} and {@code OrdersTableStream}: the exact {@code batchItemFailures} of mixed batches. */
class StreamExamplesTest {

    private static final ObjectMapper M = new ObjectMapper();
    private static final long FIRST = 49_545_115_243_490_985L;

    private final List<AuditEvent> audit = new ArrayList<>();

    private GuardOptions options(String allowed) {
        return GuardOptions.builder().environment(Map.of("FNGUARD_ALLOWED_SOURCES", allowed)).auditSink(audit::add)
                .build();
    }

    private static List<String> failures(RequestStreamHandler h, Supplier<InputStream> event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = event.get()) {
            h.handleRequest(in, out, null);
        }
        JsonNode answer = M.readTree(out.toByteArray());
        List<String> ids = new ArrayList<>();
        answer.get("batchItemFailures").forEach(n -> ids.add(n.get("itemIdentifier").asText()));
        return ids;
    }

    private static String seq(int i) {
        return Long.toString(FIRST + i);
    }

    private List<String> perRecordReasons() {
        List<String> out = new ArrayList<>();
        for (AuditEvent e : audit) {
            if (e.fields().stream().anyMatch(f -> f.startsWith("recordId="))) {
                out.add(e.reasons().isEmpty() ? e.outcome().wireName() : String.join(",", e.reasons()));
            }
        }
        return out;
    }

    @Test
    void clickStreamReportsTheBadRecordsAndTheRestOfTheirShardOnly() throws IOException {
        ClickStream h = new ClickStream(options(StreamsDrill.CLICKS));
        Supplier<InputStream> event = kinesis(
                r -> data(r, CLICK),
                r -> rawData(r, "%%%"),
                r -> data(shard(r, 1), CLICK),
                r -> data(r, CLICK),
                r -> data(shard(r, 1), "{\"sessionId\":\"short\",\"page\":\"/\",\"ts\":1}"),
                r -> data(shard(r, 2), CLICK).put("eventSourceARN", StreamsDrill.CLICKS.replace("clicks", "audit")),
                r -> data(shard(r, 3), CLICK));
        assertEquals(List.of(seq(1), seq(3), seq(4), seq(5)), failures(h, event));
        assertEquals(List.of("ENCODING", "skipped", "CONSTRAINT", "SOURCE"), perRecordReasons());
    }

    @Test
    void ordersTableStreamAcceptsInsertModifyRemoveAndFailsTheBatchFromTheFirstBadRecord() throws IOException {
        String allowed = "arn:aws:dynamodb:eu-central-1:123456789012:table/orders/stream/*";
        OrdersTableStream h = new OrdersTableStream(options(allowed));
        assertEquals(List.of(), failures(h, dynamo(
                r -> image(r, "NewImage", ORDER),
                r -> image(r, "NewImage", ORDER.replace("PAID", "SHIPPED")).put("eventName", "MODIFY"),
                r -> image(image(r, "OldImage", ORDER), "NewImage", null).put("eventName", "REMOVE"))));
        audit.clear();
        assertEquals(List.of(seq(1), seq(2)), failures(h, dynamo(
                r -> image(r, "NewImage", ORDER),
                r -> image(r, "NewImage", ORDER.replace("129.90", "129.905")),
                r -> image(r, "NewImage", ORDER))));
        assertEquals(List.of("CONSTRAINT", "skipped"), perRecordReasons());
    }
}
