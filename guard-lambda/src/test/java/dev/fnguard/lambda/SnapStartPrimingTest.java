package dev.fnguard.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.CheckRun;
import dev.fnguard.Decision;
import dev.fnguard.Evaluation;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.SourceKind;
import dev.fnguard.Sources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    @Test
    void primingRunsThePipelineWithoutUserCodeOrAuditEvents() {
        List<AuditEvent> audit = new CopyOnWriteArrayList<>();
        TestHandlers.Echo h = new TestHandlers.Echo(GuardOptions.builder().environment(Map.of())
                .auditSink(audit::add).build());
        List<Evaluation> primed = SnapStartPriming.instance().primeAll();
        assertFalse(primed.isEmpty());
        Evaluation last = primed.get(primed.size() - 1);
        assertEquals(List.of("http", "source", "limits", "schema"), last.checks().stream().map(CheckRun::name).toList(),
                "the compiled checks ran on the synthetic event");
        assertEquals(0, h.calls.get(), "no user code");
        assertTrue(audit.isEmpty(), "no audit event");
    }

    @Test
    void beforeCheckpointPrimesAndLeavesTheHandlerWorking() throws Exception {
        List<AuditEvent> audit = new CopyOnWriteArrayList<>();
        TestHandlers.Echo h = new TestHandlers.Echo(GuardOptions.builder().environment(Map.of())
                .auditSink(audit::add).build());
        SnapStartPriming.instance().beforeCheckpoint(null);
        SnapStartPriming.instance().afterRestore(null);
        assertTrue(audit.isEmpty());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        h.handleRequest(new java.io.ByteArrayInputStream(Events.edited("apigw_http_event.json",
                e -> Events.v2Post(e, "{\"sku\":\"ABC-123\",\"quantity\":2}"))), out, null);
        assertTrue(out.toString().contains("\"statusCode\":201"));
        assertEquals(1, audit.size());
        assertEquals(1, h.calls.get());
    }

    /** Counts user code calls of the batch handlers below. */
    static final AtomicInteger BATCH_CALLS = new AtomicInteger();

    @Guarded(sources = @Sources(allowed = "arn:aws:sqs:eu-west-1:123456789012:orders-*"))
    static final class Queue extends GuardedSqsHandler<Item> {
        Queue(GuardOptions o) {
            super(o);
        }

        @Override
        protected void handle(Item item, RecordContext ctx) {
            BATCH_CALLS.incrementAndGet();
        }
    }

    @Guarded(sources = @Sources(allowed = "arn:aws:s3:::uploads-prod"))
    static final class Bucket extends GuardedS3Handler {
        Bucket(GuardOptions o) {
            super(o);
        }

        @Override
        protected void handle(S3ObjectNotification object, RecordContext ctx) {
            BATCH_CALLS.incrementAndGet();
        }
    }

    @Guarded(sources = @Sources(allowed = "iot:sensors/+/telemetry"))
    static final class Rule extends GuardedIotHandler<Item> {
        Rule(GuardOptions o) {
            super(o);
        }

        @Override
        protected void handle(Item item, RecordContext ctx) {
            BATCH_CALLS.incrementAndGet();
        }
    }

    @Guarded(sources = @Sources(allowed = "arn:aws:sns:eu-west-1:123456789012:orders"))
    static final class Topic extends GuardedSnsHandler<Item> {
        Topic(GuardOptions o) {
            super(o);
        }

        @Override
        protected void handle(Item item, RecordContext ctx) {
            BATCH_CALLS.incrementAndGet();
        }
    }

    @Guarded(sources = @Sources(allowed = "events:com.example.*", eventDetailTypes = "Order *"))
    static final class Rules extends GuardedEventBridgeHandler<Item> {
        Rules(GuardOptions o) {
            super(o);
        }

        @Override
        protected void handle(Item item, RecordContext ctx) {
            BATCH_CALLS.incrementAndGet();
        }
    }

    @Guarded(sources = @Sources(allowed = "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"))
    static final class Stream extends GuardedKinesisHandler<Item> {
        Stream(GuardOptions o) {
            super(o);
        }

        @Override
        protected void handle(Item item, RecordContext ctx) {
            BATCH_CALLS.incrementAndGet();
        }
    }

    @Guarded(sources = @Sources(allowed = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/*"))
    static final class Table extends GuardedDynamoDbHandler<Item> {
        Table(GuardOptions o) {
            super(o);
        }

        @Override
        protected void handle(Item item, RecordContext ctx) {
            BATCH_CALLS.incrementAndGet();
        }
    }

    @Test
    void primingRunsThePipelinesOfSnsEventBridgeKinesisAndDynamoDbHandlersPastTheirAllowLists() {
        List<AuditEvent> audit = new CopyOnWriteArrayList<>();
        GuardOptions options = GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build();
        new Topic(options);
        new Rules(options);
        new Stream(options);
        new Table(options);
        List<Evaluation> primed = SnapStartPriming.instance().primeAll();
        for (String name : List.of("Topic", "Rules", "Stream", "Table")) {
            Evaluation e = primedOf(primed, name);
            assertEquals(List.of("http", "source", "limits", "schema"), e.checks().stream().map(CheckRun::name).toList(),
                    name + ": every check of the chain ran on the synthetic record");
            assertEquals(Decision.ALLOW, e.checks().get(1).decision(),
                    name + ": the synthetic record comes from an allowed source");
        }
        assertEquals(0, BATCH_CALLS.get(), "no user code");
        assertTrue(audit.isEmpty(), "no audit event");
    }

    private static Evaluation primedOf(List<Evaluation> primed, String functionName) {
        return primed.stream().filter(e -> e.invocation().functionName().equals(functionName)).findFirst()
                .orElseThrow(() -> new AssertionError("no priming of " + functionName));
    }

    @Test
    void primingRunsTheBatchPipelinesOfSqsS3AndIotHandlersPastTheirAllowLists() {
        List<AuditEvent> audit = new CopyOnWriteArrayList<>();
        GuardOptions options = GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build();
        new Queue(options);
        new Bucket(options);
        new Rule(options);
        List<Evaluation> primed = SnapStartPriming.instance().primeAll();
        Map<String, SourceKind> kinds = Map.of("Queue", SourceKind.QUEUE, "Bucket", SourceKind.OBJECT_STORE,
                "Rule", SourceKind.IOT);
        for (Map.Entry<String, SourceKind> k : kinds.entrySet()) {
            Evaluation e = primedOf(primed, k.getKey());
            assertEquals(k.getValue(), e.invocation().source().kind(), k.getKey());
            assertEquals(List.of("http", "source", "limits", "schema"), e.checks().stream().map(CheckRun::name).toList(),
                    k.getKey() + ": every check of the chain ran on the synthetic record");
            assertEquals(Decision.ALLOW, e.checks().get(1).decision(),
                    k.getKey() + ": the synthetic record comes from an allowed source");
        }
        assertEquals(0, BATCH_CALLS.get(), "no user code");
        assertTrue(audit.isEmpty(), "no audit event");
    }

    @Test
    void primingChargesNoBudget() throws IOException {
        List<AuditEvent> audit = new CopyOnWriteArrayList<>();
        BudgetHandlers.Limited h = new BudgetHandlers.Limited(GuardOptions.builder().environment(Map.of())
                .auditSink(audit::add).build());
        SnapStartPriming.instance().primeAll();
        SnapStartPriming.instance().primeAll();
        assertTrue(audit.isEmpty(), "no audit event");
        // the synthetic event's caller is 127.0.0.1: its burst of two is still whole after priming twice
        assertEquals(200, statusOf(h), "first request of the burst");
        assertEquals(200, statusOf(h), "second request of the burst");
        assertEquals(429, statusOf(h), "the burst is spent by real requests only");
        assertEquals(3, audit.size(), "one audit event per real invocation, none for priming");
    }

    private static int statusOf(BudgetHandlers.Limited h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(Events.edited("apigw_http_event.json", e -> {
            Events.v2Post(e, "{\"sku\":\"ABC-123\",\"quantity\":2}");
            ((ObjectNode) e.get("requestContext").get("http")).put("sourceIp", "127.0.0.1");
        })), out, null);
        return Events.MAPPER.readTree(out.toByteArray()).get("statusCode").asInt();
    }
}
