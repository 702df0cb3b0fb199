package dev.fnguard.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.AuditEvent;
import dev.fnguard.AuditSink;
import dev.fnguard.CheckRun;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.OrdersApi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The guard's cost broken down per check, as the guard itself measures it (the {@code checks[].micros}
 * of each audit event), over 50 000 warm invocations of {@code OrdersApi} on the 1 KB v2 event, after
 * 20 000 warm-up invocations. Medians and p99 in microseconds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fnguard.benchmarks.CheckBreakdown
 * </pre>
 */
public final class CheckBreakdown {

    private CheckBreakdown() {
    }

    /**
     * Runs the breakdown.
     *
     * @param args unused
     * @throws IOException never in practice
     */
    public static void main(String[] args) throws IOException {
        Map<String, List<Long>> byCheck = new LinkedHashMap<>();
        List<Long> guard = new ArrayList<>();
        boolean[] recording = {false};
        AuditSink sink = e -> {
            e.toJson();
            if (recording[0]) {
                record(e, byCheck, guard);
            }
        };
        RequestStreamHandler h = new OrdersApi(GuardOptions.builder().environment(Map.of()).auditSink(sink).build());
        byte[] event = HttpOverheadBenchmark.oneKilobyteEvent();
        for (int i = 0; i < 70_000; i++) {
            recording[0] = i >= 20_000;
            h.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(512), null);
        }
        System.out.printf("%-16s %10s %10s%n", "part", "median us", "p99 us");
        for (Map.Entry<String, List<Long>> e : byCheck.entrySet()) {
            print(e.getKey(), e.getValue());
        }
        print("guard (all)", guard);
    }

    private static void record(AuditEvent e, Map<String, List<Long>> byCheck, List<Long> guard) {
        for (CheckRun c : e.checks()) {
            byCheck.computeIfAbsent(c.name(), (Function<String, List<Long>>) k -> new ArrayList<>()).add(c.nanos());
        }
        guard.add(e.guardNanos());
    }

    private static void print(String name, List<Long> nanos) {
        long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-16s %10.2f %10.2f%n", name, v[v.length / 2] / 1000.0, v[(int) (v.length * 0.99)] / 1000.0);
    }
}
