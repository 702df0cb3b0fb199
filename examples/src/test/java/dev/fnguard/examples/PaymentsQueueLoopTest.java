package dev.fnguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.drill.DrillContext;
import dev.fnguard.lambda.GuardedSqsHandler;
import dev.fnguard.lambda.LoopGuard;
import dev.fnguard.lambda.RecordContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loop guard on the payments queue: hop counts from message attributes and X-Ray lineage. */
class PaymentsQueueLoopTest {

    private static final String GOOD = SqsEvents.payment("3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90", 1250, "EUR");
    // a real AWSTraceHeader shape as SQS delivers it (Lambda's current lineage format)
    private static final String TRACE = "Root=1-670651f9-1de5c67d67d46ca431286874;Parent=4d055eebb5faad7c;Sampled=0";

    private final List<AuditEvent> audit = new ArrayList<>();

    private PaymentsQueue queue(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("FNGUARD_ALLOWED_SOURCES", SqsEvents.QUEUE));
        env.putAll(extra);
        return new PaymentsQueue(GuardOptions.builder().environment(env).auditSink(audit::add).build());
    }

    private static List<String> failures(GuardedSqsHandler<?> q, byte[] event, Context ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        q.handleRequest(new ByteArrayInputStream(event), out, ctx);
        JsonNode answer = SqsEvents.M.readTree(out.toByteArray());
        List<String> ids = new ArrayList<>();
        answer.get("batchItemFailures").forEach(n -> ids.add(n.get("itemIdentifier").asText()));
        return ids;
    }

    private AuditEvent recordEvent(String id) {
        return audit.stream().filter(e -> e.fields().contains("recordId=" + id)).findFirst().orElseThrow();
    }

    @Test
    void reportsOnlyTheMessageAboveTheDefaultLimitOf16() throws IOException {
        byte[] event = new SqsEvents()
                .add("hop-15", GOOD).messageAttribute(LoopGuard.ATTRIBUTE, "15")
                .add("hop-16", GOOD).messageAttribute(LoopGuard.ATTRIBUTE, "16")
                .add("hop-17", GOOD).messageAttribute(LoopGuard.ATTRIBUTE, "17")
                .add("no-hop", GOOD)
                .bytes();
        assertEquals(List.of("hop-17"), failures(queue(Map.of()), event, null));
        assertEquals(List.of("LOOP"), recordEvent("hop-17").reasons());
        assertTrue(recordEvent("hop-17").fields().contains("hop=17"));
    }

    @Test
    void reportsAMessageWhoseOwnTraceHeaderShowsTooManyLoops() throws IOException {
        byte[] event = new SqsEvents()
                .add("looping", GOOD).systemAttribute("AWSTraceHeader", TRACE + ";Lineage=1:bd4cecd5:17")
                .add("fresh", GOOD).systemAttribute("AWSTraceHeader", TRACE + ";Lineage=1:bd4cecd5:0")
                .bytes();
        assertEquals(List.of("looping"), failures(queue(Map.of()), event, null));
    }

    @Test
    void reportsEveryMessageWhenTheInvocationsTraceHeaderIsOverTheLimit() throws IOException {
        byte[] event = new SqsEvents().add("a", GOOD).add("b", GOOD).bytes();
        Context ctx = new DrillContext("PaymentsQueue", TRACE + ";Lineage=a87bd80c:2|68fd508a:18");
        assertEquals(List.of("a", "b"), failures(queue(Map.of()), event, ctx));
        AuditEvent terminal = audit.get(audit.size() - 1);
        assertEquals(List.of("LOOP"), terminal.reasons());
        assertEquals("1-670651f9-1de5c67d67d46ca431286874", terminal.traceId().orElseThrow(),
                "the batch's trace id now comes from the invocation's header");
    }

    @Test
    void reportsAMessageWithAnUnreadableHopAttribute() throws IOException {
        byte[] event = new SqsEvents()
                .add("fraction", GOOD).messageAttribute(LoopGuard.ATTRIBUTE, "1.5")
                .add("negative", GOOD).messageAttribute(LoopGuard.ATTRIBUTE, "-100")
                .add("ok", GOOD).messageAttribute(LoopGuard.ATTRIBUTE, "3")
                .bytes();
        assertEquals(List.of("fraction", "negative"), failures(queue(Map.of()), event, null));
        assertTrue(recordEvent("fraction").fields().contains("hop=malformed"));
    }

    @Test
    void theEnvironmentLowersTheLimit() throws IOException {
        byte[] event = new SqsEvents()
                .add("hop-3", GOOD).messageAttribute(LoopGuard.ATTRIBUTE, "3")
                .add("hop-4", GOOD).messageAttribute(LoopGuard.ATTRIBUTE, "4")
                .bytes();
        assertEquals(List.of("hop-4"), failures(queue(Map.of("FNGUARD_MAX_HOPS", "3")), event, null));
    }

    @Test
    void monitorModeFlagsTheLoopAndDeliversTheMessage() throws IOException {
        byte[] event = new SqsEvents().add("hop-40", GOOD).messageAttribute(LoopGuard.ATTRIBUTE, "40").bytes();
        assertEquals(List.of(), failures(queue(Map.of("FNGUARD_MONITOR_CHECKS", "source")), event, null));
        AuditEvent terminal = audit.get(audit.size() - 1);
        assertEquals("flag", terminal.decision().wireName());
        assertEquals(List.of("LOOP"), terminal.reasons());
        assertEquals("ok", terminal.outcome().wireName());
    }

    @Test
    void theHelperStampsTheCurrentHopPlusOne() throws IOException {
        Stamping handler = new Stamping(GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build());
        byte[] event = new SqsEvents()
                .add("first", GOOD)
                .add("stamped", GOOD).messageAttribute(LoopGuard.ATTRIBUTE, "5")
                .add("traced", GOOD).systemAttribute("AWSTraceHeader", TRACE + ";Lineage=1:bd4cecd5:9")
                .bytes();
        assertEquals(List.of(), failures(handler, event, null));
        assertEquals(List.of("1", "6", "10"), handler.stamped);
        handler.stamped.clear();
        failures(handler, new SqsEvents().add("in-loop", GOOD).bytes(),
                new DrillContext("Stamping", TRACE + ";Lineage=1:bd4cecd5:2"));
        assertEquals(List.of("3"), handler.stamped, "the invocation's lineage counts too");
    }

    @Test
    void anHttpRequestStampsHopOneOrItsLineagePlusOne() {
        dev.fnguard.Invocation.Builder b = dev.fnguard.Invocation.builder().requestId("r").functionName("f")
                .source(dev.fnguard.Source.of(dev.fnguard.SourceKind.HTTP, "apigw-http", "api"));
        assertEquals("1", LoopGuard.nextHop(new dev.fnguard.GuardContext(b.build(), dev.fnguard.Caller.anonymous())));
        assertEquals("5", LoopGuard.nextHop(new dev.fnguard.GuardContext(
                b.traceHeader(TRACE + ";Lineage=1:ead6d511:4").build(), dev.fnguard.Caller.anonymous())));
    }

    /** Writes one message per record it gets, stamped as the Javadoc of LoopGuard shows. */
    static final class Stamping extends GuardedSqsHandler<Payment> {
        final List<String> stamped = new ArrayList<>();

        Stamping(GuardOptions o) {
            super(o);
        }

        @Override
        protected void handle(Payment payload, RecordContext context) {
            stamped.add(LoopGuard.nextHop(context));
        }
    }
}
