package dev.fnguard.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.AuditEvent;
import dev.fnguard.AuditSink;
import dev.fnguard.CheckRun;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.OrdersApi;
import dev.fnguard.examples.drill.DrillTokens;
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
 * of each audit event), for every source: the 1 KB HTTP API v2 event (no signature, RS256, ES256), S3,
 * an SQS batch of ten and IoT, over 50 000 warm invocations each after 20 000 warm-up invocations.
 * Every check of the chain that runs is listed ({@code http}, {@code auth}, {@code budget},
 * {@code source}, {@code limits}, {@code schema}, {@code detect}; per record for batches, summed over
 * the batch), then {@code audit json} (serializing the audit event to its JSON line, timed in the
 * sink), {@code hash+event} (the guard's time outside the checks: payload SHA-256, settlements,
 * building the audit event) and {@code guard (all)} (the guard's own time, without the JSON line).
 * Medians and p99 in microseconds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fnguard.benchmarks.CheckBreakdown [invocations]
 * </pre>
 */
public final class CheckBreakdown {

    private CheckBreakdown() {
    }

    /**
     * Runs the breakdown.
     *
     * @param args optional number of measured invocations per source (default 50 000)
     * @throws IOException never in practice
     */
    public static void main(String[] args) throws IOException {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        DrillTokens tokens = DrillTokens.create();
        byte[] rs256 = HttpOverheadBenchmark.oneKilobyteEvent(tokens.valid());
        byte[] es256 = HttpOverheadBenchmark.oneKilobyteEvent(tokens.es256());
        Recorder r = new Recorder();
        Map<String, String> jwtEnv = Unthrottled.with(tokens.environment());
        breakdown("HTTP v2 1 KB, no signature", new GuardedSources.OrdersNoSignature(r.options(Unthrottled.ENVIRONMENT)),
                rs256, r, measured);
        breakdown("HTTP v2 1 KB, RS256 (OrdersApi)", new OrdersApi(r.options(jwtEnv)), rs256, r, measured);
        breakdown("HTTP v2 1 KB, ES256 (OrdersApi)", new OrdersApi(r.options(jwtEnv)), es256, r, measured);
        breakdown("S3, one object", new GuardedSources.Images(r.options(Map.of("FNGUARD_ALLOWED_SOURCES",
                "arn:aws:s3:::" + SourceEvents.BUCKET))), SourceEvents.s3(), r, measured);
        breakdown("SQS, batch of 10", new GuardedSources.Payments(r.options(Map.of("FNGUARD_ALLOWED_SOURCES",
                SourceEvents.QUEUE))), SourceEvents.sqsBatchOfTen(), r, measured);
        breakdown("IoT, one reading", new GuardedSources.TelemetryRule(r.options(Map.of())), SourceEvents.iot(), r,
                measured);
    }

    private static void breakdown(String title, RequestStreamHandler h, byte[] event, Recorder r, int measured)
            throws IOException {
        r.reset();
        for (int i = 0; i < 20_000 + measured; i++) {
            r.recording = i >= 20_000;
            h.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(512), null);
        }
        if (r.denied > 0) {
            throw new IllegalStateException(title + ": " + r.denied + " invocations were not allowed");
        }
        System.out.println(title);
        System.out.printf("  %-14s %10s %10s%n", "part", "median us", "p99 us");
        for (Map.Entry<String, List<Long>> e : r.byCheck.entrySet()) {
            print(e.getKey(), e.getValue());
        }
        print("audit json", r.json);
        print("hash+event", r.outside);
        print("guard (all)", r.guard);
        System.out.println();
    }

    /** The audit sink: times the JSON line and keeps the guard's own figures of each event. */
    private static final class Recorder implements AuditSink {
        final Map<String, List<Long>> byCheck = new LinkedHashMap<>();
        final List<Long> guard = new ArrayList<>();
        final List<Long> outside = new ArrayList<>();
        final List<Long> json = new ArrayList<>();
        boolean recording;
        int denied;

        GuardOptions options(Map<String, String> env) {
            return GuardOptions.builder().environment(env).auditSink(this).build();
        }

        void reset() {
            byCheck.clear();
            guard.clear();
            outside.clear();
            json.clear();
            denied = 0;
        }

        @Override
        public void emit(AuditEvent e) {
            long t0 = System.nanoTime();
            String line = e.toJson();
            long t1 = System.nanoTime();
            if (line.isEmpty() || !e.decision().wireName().equals("allow")) {
                denied++;
            }
            if (!recording) {
                return;
            }
            long checks = 0;
            for (CheckRun c : e.checks()) {
                byCheck.computeIfAbsent(c.name(), (Function<String, List<Long>>) k -> new ArrayList<>()).add(c.nanos());
                checks += c.nanos();
            }
            json.add(t1 - t0);
            guard.add(e.guardNanos());
            outside.add(e.guardNanos() - checks);
        }
    }

    private static void print(String name, List<Long> nanos) {
        long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  %-14s %10.2f %10.2f%n", name, v[v.length / 2] / 1000.0, v[(int) (v.length * 0.99)] / 1000.0);
    }
}
