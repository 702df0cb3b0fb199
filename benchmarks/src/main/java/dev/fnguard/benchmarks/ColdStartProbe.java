package dev.fnguard.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM: loads a handler class by name as the Lambda runtime does, creates it, and
 * invokes it twice with the same event bytes, printing one JSON line of timings: wall-clock times of
 * init (class loading and the constructor, Lambda's init phase), the first and the second invocation;
 * CPU times of the main thread for init and the first invocation; the CPU time of the whole process
 * (every thread) at the first answer. Driven by {@link ColdStart}.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    /**
     * Probes one cold start.
     *
     * @param args handler class name, event file
     * @throws Exception on any failure (the driver reports it)
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        Class<?> type = Class.forName(args[0], true, ColdStartProbe.class.getClassLoader());
        RequestStreamHandler handler = (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), first, null);
        long t2 = System.nanoTime();
        long c2 = threads.getCurrentThreadCpuTime();
        // CPU of every thread of the process (background init, JIT compilers, GC) up to the first answer
        long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), second, null);
        long t3 = System.nanoTime();
        String status = first.toString().contains("\"statusCode\":201") ? "201" : "other";
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        // stderr: the handler's own stdout (audit lines) stays separate
        System.err.printf("{\"initMs\":%.2f,\"firstMs\":%.2f,\"secondMs\":%.3f,\"toFirstAnswerMs\":%.2f,"
                        + "\"uptimeMs\":%d,\"classes\":%d,\"initCpuMs\":%.2f,\"firstCpuMs\":%.2f,"
                        + "\"processCpuMs\":%.2f,\"status\":\"%s\"}%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t2 - t0) / 1e6, uptime, classes,
                (c1 - c0) / 1e6, (c2 - c1) / 1e6, processCpu / 1e6, status);
    }
}
