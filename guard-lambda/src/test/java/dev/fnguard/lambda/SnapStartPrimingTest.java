package dev.fnguard.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.AuditEvent;
import dev.fnguard.CheckRun;
import dev.fnguard.Evaluation;
import dev.fnguard.GuardOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
        assertEquals(List.of("http", "limits", "schema"), last.checks().stream().map(CheckRun::name).toList(),
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
}
