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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ablation of the guarded {@code OrdersApi}'s cold start: fresh JVMs (Lambda's flags
 * {@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1}) each run the parts of the guard's init one
 * after the other on the main thread ({@link ColdStartPartsProbe}), waiting for every background
 * thread, so that each part's cost is its own; prints per part the medians of wall-clock time, main
 * thread CPU, whole-process CPU (the part's background thread, JIT compilers and GC included) and
 * classes loaded (process CPU is counted in 10 ms clock ticks, so its mean over the runs is given
 * too). A part's figure is what it adds after the parts before it (shared classes are paid
 * by the first part that uses them), so the order is that of the handler's init.
 *
 * <p>The parts: {@code bare} the unguarded handler's init and first invocation (AWS's serializers, a
 * plain Jackson mapper), {@code logging} SLF4J + logback with the examples' configuration,
 * {@code jackson} the guard's strict mapper and {@code OrderRequest}'s deserializer,
 * {@code hv-bootstrap} Hibernate Validator's factory, {@code hv-metadata} {@code OrderRequest}'s
 * constraint metadata and the priming validation, {@code detect} the detection check and one
 * inspected string, {@code jwt} nimbus, the JWKS fetch and the constant-token warm-up,
 * {@code aws-priming} the guard's serializer priming thread, {@code audit-json} one audit line's
 * JSON, {@code handler} the real {@code OrdersApi} constructor (what is left: policy, guard chain,
 * Bucket4j warm-up), {@code first} and {@code second} its invocations.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fnguard.benchmarks.ColdStartParts [runs] [parts[;parts...]] [jar ...]
 * </pre>
 *
 * <p>Several part lists ({@code ;}-separated) or several jars (a before and an after build) are run
 * alternately, one JVM of each in turn; with none given, the full list with this jar. Extra JVM
 * flags (an AppCDS archive, say) come from the system property {@code parts.jvm}, space-separated.
 * The whole-process line {@code jvm} gives the JVM's uptime and total CPU at exit.
 */
public final class ColdStartParts {

    /** Every part, in the order of the guarded handler's init. */
    public static final String ALL = "bare,logging,jackson,hv-bootstrap,hv-metadata,detect,jwt,aws-priming,"
            + "audit-json,handler,first,second";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ColdStartParts() {
    }

    /**
     * Runs the ablation.
     *
     * @param args optional runs of each variant (default 10), part lists, jars
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> partLists = List.of((args.length > 1 ? args[1] : ALL).split(";"));
        List<String> classPaths = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            classPaths.add(args[i]);
        }
        if (classPaths.isEmpty()) {
            classPaths.add(System.getProperty("java.class.path"));
        }
        List<String> extra = System.getProperty("parts.jvm", "").isBlank() ? List.of()
                : List.of(System.getProperty("parts.jvm").strip().split("\\s+"));
        Path event = Files.createTempFile("fnguard-event", ".json");
        DrillTokens tokens = DrillTokens.create();
        Files.write(event, HttpOverheadBenchmark.oneKilobyteEvent(tokens.valid()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.println("runs of each: " + runs + ", alternated; JVM flags: Lambda's " + extra
                + "; load before: " + loadAverage());
        Map<String, Map<String, List<JsonNode>>> results = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            for (String cp : classPaths) {
                for (String parts : partLists) {
                    String variant = (classPaths.size() > 1 ? Path.of(cp).getFileName() + " " : "") + parts;
                    Map<String, List<JsonNode>> byPart = results.computeIfAbsent(variant, k -> new LinkedHashMap<>());
                    for (JsonNode n : probe(java, cp, extra, event, parts, tokens.environment())) {
                        byPart.computeIfAbsent(n.get("part").asText(), k -> new ArrayList<>()).add(n);
                    }
                }
            }
        }
        for (Map.Entry<String, Map<String, List<JsonNode>>> v : results.entrySet()) {
            System.out.println();
            System.out.println(v.getKey());
            System.out.printf("%-14s %10s %12s %15s %15s %8s%n", "part", "wall ms", "main cpu ms",
                    "process cpu ms", "(mean)", "classes");
            double wall = 0;
            double cpu = 0;
            for (Map.Entry<String, List<JsonNode>> p : v.getValue().entrySet()) {
                List<JsonNode> r = p.getValue();
                System.out.printf("%-14s %10.1f %12.1f %15.1f %15.1f %8.0f%n", p.getKey(), median(r, "wallMs"),
                        median(r, "mainCpuMs"), median(r, "processCpuMs"), mean(r, "processCpuMs"),
                        median(r, "classes"));
                if (!p.getKey().equals("jvm")) {
                    wall += median(r, "wallMs");
                    cpu += median(r, "processCpuMs");
                }
            }
            System.out.printf("%-14s %10.1f %12s %15.1f%n", "sum of parts", wall, "", cpu);
        }
        System.out.println();
        System.out.println("load after: " + loadAverage());
        Files.deleteIfExists(event);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<JsonNode> probe(String java, String cp, List<String> extra, Path event, String parts,
            Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(extra);
        cmd.addAll(List.of("-Xshare:auto", "-cp", cp, ColdStartPartsProbe.class.getName(), event.toString(), parts));
        File err = File.createTempFile("parts", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        int rc = pb.start().waitFor();
        String text = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        err.delete();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("{\"part\"")) {
                lines.add(MAPPER.readTree(line));
            }
        }
        if (rc != 0 || lines.isEmpty()) {
            throw new IllegalStateException("probe failed (rc " + rc + "): " + text);
        }
        return lines;
    }

    /** The JVM counts process CPU in clock ticks (10 ms): the mean of many runs resolves finer than that. */
    private static double mean(List<JsonNode> r, String key) {
        return r.stream().mapToDouble(n -> n.get(key).asDouble()).average().orElse(0);
    }

    private static double median(List<JsonNode> r, String key) {
        double[] v = r.stream().mapToDouble(n -> n.get(key).asDouble()).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
