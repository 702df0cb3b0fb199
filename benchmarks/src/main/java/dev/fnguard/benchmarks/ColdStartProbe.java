package dev.fnguard.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM: loads a handler class by name as the Lambda runtime does, creates it, and
 * invokes it twice with the same event bytes, printing one JSON line of timings. Driven by
 * {@link ColdStart}.
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
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        Class<?> type = Class.forName(args[0], true, ColdStartProbe.class.getClassLoader());
        RequestStreamHandler handler = (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
        long t1 = System.nanoTime();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), first, null);
        long t2 = System.nanoTime();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), second, null);
        long t3 = System.nanoTime();
        String status = first.toString().contains("\"statusCode\":201") ? "201" : "other";
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        // stderr: the handler's own stdout (audit lines) stays separate
        System.err.printf("{\"initMs\":%.2f,\"firstMs\":%.2f,\"secondMs\":%.3f,\"toFirstAnswerMs\":%.2f,"
                        + "\"uptimeMs\":%d,\"classes\":%d,\"status\":\"%s\"}%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t2 - t0) / 1e6, uptime, classes, status);
    }
}
