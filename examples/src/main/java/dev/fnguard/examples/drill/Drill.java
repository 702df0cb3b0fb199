package dev.fnguard.examples.drill;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnguard.AuditEvent;
import dev.fnguard.AuditSink;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.drill.azure.OrdersHttpDrill;
import dev.fnguard.examples.drill.azure.OrdersQueueDrill;
import dev.fnguard.examples.drill.azure.OrdersStreamDrill;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The main job: invokes every example function in-process, as the Lambda runtime would (event bytes
 * in, response bytes out), with real-shaped benign and malicious events, prints a table of what the
 * guard decided, and writes every audit event to a JSONL file.
 *
 * <p>Exit status 0 when every case got the expected decision, status and reason; 1 otherwise.
 */
public final class Drill {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Every suite, in the order they run: the one place to add an example.
     *
     * @return the suites
     */
    public static List<DrillSuite> suites() {
        return List.of(new OrdersApiDrill(), new OrdersHttpDrill(), new OrdersQueueDrill(),
                new OrdersStreamDrill(), new PaymentsQueueDrill(), new ImageIngestDrill(), new TelemetryIngestDrill(),
                new EntryPointDrill(), new EventsDrill(),
                new StreamsDrill.Clicks(), new StreamsDrill.OrdersTable());
    }

    private Drill() {
    }

    /**
     * Runs the drill.
     *
     * @param args optional: the directory for {@code audit.jsonl} (default {@code target/drill})
     * @throws IOException when the audit file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/drill");
        Files.createDirectories(dir);
        Path auditFile = dir.resolve("audit.jsonl").toAbsolutePath();
        List<DrillResult> results;
        try (BufferedWriter w = Files.newBufferedWriter(auditFile, StandardCharsets.UTF_8)) {
            results = run(suites(), event -> {
                try {
                    w.write(event.toJson());
                    w.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        print(results, System.out);
        System.out.println();
        System.out.println("audit events: " + auditFile);
        long failed = results.stream().filter(r -> !r.passed()).count();
        System.out.println(results.size() - failed + " passed, " + failed + " failed");
        if (failed > 0) {
            System.exit(1);
        }
    }

    /**
     * Runs suites and returns one result per case.
     *
     * @param suites the suites
     * @param sink also receives every audit event
     * @return the results
     */
    public static List<DrillResult> run(List<DrillSuite> suites, AuditSink sink) {
        List<DrillResult> results = new ArrayList<>();
        for (DrillSuite suite : suites) {
            Map<Map<String, String>, RequestStreamHandler> instances = new HashMap<>();
            List<AuditEvent> captured = new CopyOnWriteArrayList<>();
            AuditSink both = e -> {
                captured.add(e);
                sink.emit(e);
            };
            for (DrillCase c : suite.cases()) {
                Map<String, String> env = new HashMap<>(suite.environment());
                env.putAll(c.environment());
                RequestStreamHandler handler = instances.computeIfAbsent(Map.copyOf(env),
                        e -> suite.create(GuardOptions.builder().environment(e).auditSink(both).build()));
                String answer = null;
                int before = 0;
                for (int i = 0; i < c.repeat(); i++) {
                    before = captured.size();
                    answer = invoke(handler, c.event().get(), suite.function(), c.traceHeader());
                }
                List<AuditEvent> mine = captured.subList(before, captured.size());
                results.add(judge(suite.function(), c, answer, List.copyOf(mine)));
            }
        }
        return results;
    }

    private static String invoke(RequestStreamHandler handler, InputStream event, String function, String trace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = event) {
            handler.handleRequest(in, out, new DrillContext(function, trace));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static DrillResult judge(String function, DrillCase c, String answer, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return new DrillResult(function, c, "(no audit event)", 0, "", 0, false);
        }
        AuditEvent terminal = events.get(events.size() - 1);
        int status = terminal.status();
        try {
            JsonNode node = answer == null || answer.isBlank() ? null : MAPPER.readTree(answer);
            if (node != null && node.has("statusCode")) {
                status = node.get("statusCode").asInt();
            }
        } catch (IOException e) {
            // not JSON: keep the audited status
        }
        String decision = terminal.decision().wireName();
        String reasons = String.join(",", terminal.reasons());
        Expect x = c.expect();
        boolean passed = x.decision().equals(decision)
                && (x.status() == 0 || x.status() == status)
                && (x.reason() == null ? terminal.reasons().isEmpty() || !"allow".equals(decision)
                        : terminal.reasons().contains(x.reason()));
        Map<String, String> records = perRecord(events.subList(0, events.size() - 1));
        List<String> failures = batchItemFailures(answer);
        if (x.records() != null) {
            passed = passed && x.records().equals(records)
                    && List.copyOf(x.records().entrySet()).equals(List.copyOf(records.entrySet()))
                    && (failures == null || failures.equals(List.copyOf(x.records().keySet())));
        }
        StringBuilder summary = new StringBuilder();
        records.forEach((id, r) -> summary.append(summary.length() == 0 ? "" : ", ").append(id).append(' ').append(r));
        return new DrillResult(function, c, decision, status, reasons, events.size(), passed, summary.toString(),
                failures == null ? null : String.join(",", failures));
    }

    /** Record id to reason (or SKIPPED / ERROR) from the per-record audit events, in event order. */
    private static Map<String, String> perRecord(List<AuditEvent> events) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (AuditEvent e : events) {
            for (String f : e.fields()) {
                if (f.startsWith("recordId=")) {
                    String verdict = !e.reasons().isEmpty() ? String.join(",", e.reasons())
                            : e.outcome() == dev.fnguard.Outcome.ERROR ? "ERROR" : "SKIPPED";
                    out.put(f.substring("recordId=".length()), verdict);
                }
            }
        }
        return out;
    }

    /** The ids of an {@code SQSBatchResponse}, or null when the answer is not one. */
    private static List<String> batchItemFailures(String answer) {
        try {
            JsonNode node = answer == null || answer.isBlank() ? null : MAPPER.readTree(answer);
            if (node == null || !node.has("batchItemFailures")) {
                return null;
            }
            List<String> ids = new ArrayList<>();
            node.get("batchItemFailures").forEach(n -> ids.add(n.path("itemIdentifier").asText()));
            return ids;
        } catch (IOException e) {
            return null;
        }
    }

    static void print(List<DrillResult> results, PrintStream out) {
        int fw = "function".length();
        int ew = "event".length();
        int xw = "expected".length();
        for (DrillResult r : results) {
            fw = Math.max(fw, r.function().length());
            ew = Math.max(ew, r.drillCase().name().length());
            xw = Math.max(xw, r.drillCase().expect().toString().length());
        }
        String fmt = "%-" + fw + "s  %-" + ew + "s  %-" + xw + "s  %-8s  %6s  %-24s  %s%n";
        out.printf(fmt, "function", "event", "expected", "verdict", "status", "reason", "ok");
        out.printf(fmt, "-".repeat(fw), "-".repeat(ew), "-".repeat(xw), "-------", "------", "-".repeat(24), "--");
        for (DrillResult r : results) {
            out.printf(fmt, r.function(), r.drillCase().name(), r.drillCase().expect(), r.decision(),
                    r.status() == 0 ? "-" : Integer.toString(r.status()), r.reasons().isEmpty() ? "-" : r.reasons(),
                    r.passed() ? "yes" : "NO");
            if (r.drillCase().expect().records() != null || !r.records().isEmpty()) {
                // per-record verdicts of a batch, under its row
                String indent = " ".repeat(fw + 2);
                out.println(indent + "  records not delivered: " + (r.records().isEmpty() ? "none" : r.records()));
                if (r.drillCase().expect().records() != null) {
                    StringBuilder want = new StringBuilder();
                    r.drillCase().expect().records().forEach((id, reason) ->
                            want.append(want.length() == 0 ? "" : ", ").append(id).append(' ').append(reason));
                    out.println(indent + "  expected:              " + (want.length() == 0 ? "none" : want));
                }
                if (r.failures() != null) {
                    out.println(indent + "  batchItemFailures:     [" + r.failures() + "]");
                }
            }
        }
    }
}
