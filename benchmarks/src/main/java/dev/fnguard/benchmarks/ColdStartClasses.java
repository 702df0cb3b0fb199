package dev.fnguard.benchmarks;

import dev.fnguard.examples.drill.DrillTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the guard adds to class loading by the first answer: runs {@link ColdStartProbe} for the bare
 * and the guarded {@code OrdersApi} in fresh JVMs with {@code -Xlog:class+load} and Lambda's JVM
 * flags, and prints the classes the guarded one loads that the bare one does not, counted by library.
 * Hidden classes (lambdas, method handles) are counted once per host class, so the totals here are
 * lower than the JVM's own counts that {@link ColdStart} reports.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fnguard.benchmarks.ColdStartClasses [file for the full list]
 * </pre>
 */
public final class ColdStartClasses {

    /** Library of a class name, by package prefix, first match wins. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("org.hibernate.validator.", "Hibernate Validator");
        LIBRARIES.put("jakarta.validation.", "Hibernate Validator (jakarta.validation API)");
        LIBRARIES.put("com.fasterxml.classmate.", "Hibernate Validator (classmate)");
        LIBRARIES.put("org.jboss.logging.", "Hibernate Validator (jboss-logging)");
        LIBRARIES.put("java.util.logging.", "Hibernate Validator (jboss-logging: java.util.logging)");
        LIBRARIES.put("com.nimbusds.", "nimbus-jose-jwt (JWT, JWKS)");
        LIBRARIES.put("sun.security.", "JDK security (RSA, EC signatures)");
        LIBRARIES.put("java.security.", "JDK security (RSA, EC signatures)");
        LIBRARIES.put("ch.qos.logback.", "logback (audit log)");
        LIBRARIES.put("org.slf4j.", "SLF4J");
        LIBRARIES.put("io.github.bucket4j.", "Bucket4j (rate budgets)");
        LIBRARIES.put("org.crac.", "org.crac (SnapStart priming)");
        LIBRARIES.put("dev.fnguard.", "fnguard");
        LIBRARIES.put("com.fasterxml.jackson.", "Jackson (fnguard's strict mapper)");
        LIBRARIES.put("com.amazonaws.", "AWS serialization");
        LIBRARIES.put("java.lang.invoke.", "JDK method handles and lambdas");
        LIBRARIES.put("jdk.proxy", "JDK annotation proxies (@Guarded)");
        LIBRARIES.put("java.", "JDK, other");
        LIBRARIES.put("jdk.", "JDK, other");
        LIBRARIES.put("sun.", "JDK, other");
        LIBRARIES.put("", "other");
    }

    private ColdStartClasses() {
    }

    /**
     * Runs the comparison.
     *
     * @param args optional file to write the full list of added classes to
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path event = Files.createTempFile("fnguard-event", ".json");
        DrillTokens tokens = DrillTokens.create();
        Files.write(event, HttpOverheadBenchmark.oneKilobyteEvent(tokens.valid()));
        Set<String> bare = classes(BareOrdersApi.class.getName(), event, tokens);
        Set<String> guarded = classes("dev.fnguard.examples.OrdersApi", event, tokens);
        Set<String> added = new TreeSet<>(guarded);
        added.removeAll(bare);
        Map<String, Integer> byLibrary = new LinkedHashMap<>();
        LIBRARIES.values().forEach(v -> byLibrary.putIfAbsent(v, 0));
        for (String c : added) {
            String lib = LIBRARIES.entrySet().stream().filter(e -> c.startsWith(e.getKey())).findFirst().orElseThrow()
                    .getValue();
            byLibrary.merge(lib, 1, Integer::sum);
        }
        System.out.printf("classes loaded by the first answer: bare %d, guarded %d, added by the guard %d%n",
                bare.size(), guarded.size(), added.size());
        byLibrary.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), e.getKey()));
        if (args.length > 0) {
            Files.write(Path.of(args[0]), added, StandardCharsets.UTF_8);
        }
        Files.deleteIfExists(event);
    }

    private static Set<String> classes(String handler, Path event, DrillTokens tokens)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("fnguard-classes", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                ColdStartProbe.class.getName(), handler, event.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(Unthrottled.with(tokens.environment()));
        int rc = pb.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("probe of " + handler + " failed with " + rc);
        }
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // [0.012s][info][class,load] java.lang.Object source: shared objects file
            int source = line.indexOf(" source:");
            if (line.contains("[class,load]") && source > 0) {
                String name = line.substring(line.lastIndexOf("] ", source) + 2, source);
                // hidden classes (lambdas, method handles) are named by address: one entry per host class
                names.add(name.replaceAll("/0x[0-9a-f]+$", "").replaceAll("\\$\\$Lambda\\$\\d+", "\\$\\$Lambda"));
            }
        }
        Files.deleteIfExists(log);
        return names;
    }
}
