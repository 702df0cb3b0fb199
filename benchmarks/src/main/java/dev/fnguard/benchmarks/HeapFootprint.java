package dev.fnguard.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.OrdersApi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Heap retained after 10 000 invocations, bare vs guarded {@code OrdersApi}, each in a fresh JVM:
 * used heap after full GCs, minus the same measurement taken before the handler was created.
 * The guarded handler runs with its real SLF4J audit sink writing to a discarded stdout.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fnguard.benchmarks.HeapFootprint
 * </pre>
 */
public final class HeapFootprint {

    private HeapFootprint() {
    }

    /**
     * Drives both measurements, or (with {@code probe bare|guarded}) performs one.
     *
     * @param args none, or {@code probe} and the handler kind
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("probe")) {
            probe(args[1]);
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> results = new ArrayList<>();
        for (String which : List.of("bare", "guarded")) {
            Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), HeapFootprint.class.getName(), "probe", which)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            String out = new String(p.getErrorStream().readAllBytes()).strip();
            p.waitFor();
            String line = out.lines().filter(l -> l.startsWith("retained=")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(out));
            long retained = Long.parseLong(line.substring("retained=".length()).split(" ")[0]);
            results.add(retained);
            System.out.printf("%-8s retained after 10000 invocations: %.2f MB%n", which, retained / 1e6);
        }
        System.out.printf("guard adds %.2f MB of retained heap%n", (results.get(1) - results.get(0)) / 1e6);
    }

    private static void probe(String which) throws Exception {
        byte[] event = HttpOverheadBenchmark.oneKilobyteEvent();
        long before = usedAfterGc();
        RequestStreamHandler h = which.equals("bare") ? new BareOrdersApi()
                : new OrdersApi(GuardOptions.builder().environment(Map.of()).build());
        for (int i = 0; i < 10_000; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            h.handleRequest(new ByteArrayInputStream(event), out, null);
        }
        long after = usedAfterGc();
        System.err.println("retained=" + (after - before) + " handler=" + h.getClass().getSimpleName());
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
