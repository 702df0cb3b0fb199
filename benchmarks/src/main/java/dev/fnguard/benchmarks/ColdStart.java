package dev.fnguard.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnguard.examples.drill.DrillTokens;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the bare and the guarded {@code OrdersApi}, whole process: starts a fresh JVM per
 * run, alternating bare and guarded, and reports medians of the time from process start to the
 * first answer, the init (Lambda's init phase: class loading and the handler's constructor) and
 * first-invocation split and their sum, the second invocation, the classes loaded, and CPU times
 * (main thread for init and first invocation, whole process at the first answer: on a shared
 * machine the CPU times move less with the load than the wall-clock times).
 * Runs once with Lambda's default JVM flags ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1})
 * and once without.
 *
 * <pre>
 * mvn -B -ntp -q -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar dev.fnguard.benchmarks.ColdStart [runs]
 * </pre>
 */
public final class ColdStart {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ColdStart() {
    }

    /**
     * Runs the comparison.
     *
     * @param args optional number of runs of each (default 10)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path event = Files.createTempFile("fnguard-event", ".json");
        DrillTokens tokens = DrillTokens.create();
        Files.write(event, HttpOverheadBenchmark.oneKilobyteEvent(tokens.valid()));
        String cp = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.println("runs of each: " + runs + ", alternated; load before: " + loadAverage());
        for (boolean lambdaFlags : new boolean[] {true, false}) {
            Map<String, List<JsonNode>> results = new LinkedHashMap<>();
            results.put("bare", new ArrayList<>());
            results.put("guarded", new ArrayList<>());
            for (int i = 0; i < runs; i++) {
                for (String which : List.of("bare", "guarded")) {
                    String handler = which.equals("bare") ? BareOrdersApi.class.getName()
                            : "dev.fnguard.examples.OrdersApi";
                    results.get(which).add(probe(java, cp, handler, event, lambdaFlags, tokens.environment()));
                }
            }
            System.out.println(lambdaFlags ? "JVM flags: -XX:+TieredCompilation -XX:TieredStopAtLevel=1 (Lambda default)"
                    : "JVM flags: none (C2 enabled)");
            System.out.printf("%-8s %11s %8s %9s %10s %12s %8s %12s %13s %15s%n", "", "process ms", "init ms",
                    "first ms", "second ms", "init+first", "classes", "init cpu ms", "first cpu ms",
                    "process cpu ms");
            for (Map.Entry<String, List<JsonNode>> e : results.entrySet()) {
                List<JsonNode> r = e.getValue();
                System.out.printf("%-8s %11.1f %8.1f %9.1f %10.2f %12.1f %8.0f %12.1f %13.1f %15.1f%n", e.getKey(),
                        median(r, "processMs"), median(r, "initMs"), median(r, "firstMs"), median(r, "secondMs"),
                        median(r, "toFirstAnswerMs"), median(r, "classes"), median(r, "initCpuMs"),
                        median(r, "firstCpuMs"), median(r, "processCpuMs"));
            }
            for (String key : List.of("processMs", "toFirstAnswerMs", "initMs", "firstMs", "secondMs",
                    "processCpuMs")) {
                double bare = median(results.get("bare"), key);
                double guarded = median(results.get("guarded"), key);
                System.out.printf("guard adds %8.1f ms to %-16s ratio %.2f%n", guarded - bare, key, guarded / bare);
            }
            System.out.println();
        }
        System.out.println("load after: " + loadAverage());
        Files.deleteIfExists(event);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static JsonNode probe(String java, String cp, String handler, Path event, boolean lambdaFlags,
            Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java));
        if (lambdaFlags) {
            cmd.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        }
        cmd.addAll(List.of("-Xshare:auto", "-cp", cp, ColdStartProbe.class.getName(), handler, event.toString()));
        File err = File.createTempFile("probe", ".err");
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        int rc = p.waitFor();
        long processNanos = System.nanoTime() - t0;
        String text = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        err.delete();
        String line = Arrays.stream(text.split("\n")).filter(l -> l.startsWith("{\"initMs\"")).findFirst()
                .orElseThrow(() -> new IllegalStateException("probe failed (rc " + rc + "): " + text));
        com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode)
                MAPPER.readTree(line);
        if (!"201".equals(node.get("status").asText())) {
            throw new IllegalStateException(handler + " did not answer 201: " + line);
        }
        node.put("processMs", processNanos / 1e6);
        return node;
    }

    private static double median(List<JsonNode> r, String key) {
        double[] v = r.stream().mapToDouble(n -> n.get(key).asDouble()).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
