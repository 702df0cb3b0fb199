package dev.fnguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.AuditEvent;
import dev.fnguard.examples.drill.Drill;
import dev.fnguard.examples.drill.DrillResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DrillTest {

    @Test
    void everyDrillCaseIsAnsweredAsExpectedWithOneAuditEventPerInvocation() {
        List<AuditEvent> all = new CopyOnWriteArrayList<>();
        List<DrillResult> results = Drill.run(Drill.suites(), all::add);
        String failures = results.stream().filter(r -> !r.passed())
                .map(r -> r.function() + " / " + r.drillCase().name() + ": expected " + r.drillCase().expect()
                        + ", got " + r.decision() + " " + r.status() + " " + r.reasons()
                        + (r.drillCase().expect().records() == null ? ""
                                : "; records expected " + r.drillCase().expect().records() + ", got [" + r.records()
                                        + "], batchItemFailures [" + r.failures() + "]"))
                .collect(Collectors.joining("\n"));
        assertTrue(failures.isEmpty(), failures);
        int invocations = results.stream().mapToInt(r -> r.drillCase().repeat()).sum();
        assertTrue(all.size() >= invocations, "at least one audit event per invocation");
        for (AuditEvent e : all) {
            String json = e.toJson();
            assertEquals(-1, json.indexOf('\n'));
            assertTrue(json.contains("\"decision\":") && json.contains("\"reasons\":")
                    && json.contains("\"requestId\":") && json.contains("\"source\":")
                    && json.contains("\"outcome\":"), json);
        }
    }
}
