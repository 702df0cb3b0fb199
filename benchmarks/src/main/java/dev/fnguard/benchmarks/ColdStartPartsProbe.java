package dev.fnguard.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.AuditEvent;
import dev.fnguard.Caller;
import dev.fnguard.CheckRun;
import dev.fnguard.Decision;
import dev.fnguard.Mode;
import dev.fnguard.Outcome;
import dev.fnguard.Policy;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.auth.internal.AuthCheck;
import dev.fnguard.detect.internal.DetectCheck;
import dev.fnguard.detect.internal.Inspector;
import dev.fnguard.detect.internal.Work;
import dev.fnguard.examples.OrderRequest;
import dev.fnguard.examples.OrdersApi;
import dev.fnguard.internal.BeanValidation;
import dev.fnguard.internal.Json;
import dev.fnguard.internal.SchemaCheck;
import dev.fnguard.lambda.internal.HttpPipeline;
import dev.fnguard.spi.InMemoryReplayStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs in a fresh JVM: performs the named parts of the guarded {@code OrdersApi}'s cold start one
 * after the other on the main thread, waiting for any background thread a part starts, and prints
 * one JSON line per part with its wall-clock time, the main thread's CPU time, the whole process's CPU
 * time (every thread: the part's background thread, JIT compilers, GC) and the classes loaded during
 * it. Driven by {@link ColdStartParts}, which documents the parts.
 */
public final class ColdStartPartsProbe {

    private static final String ORDER = "{\"sku\":\"ABC-123\",\"quantity\":2,\"note\":\"leave it at the door, please\","
            + "\"email\":\"buyer@example.com\"}";

    private ColdStartPartsProbe() {
    }

    /**
     * Probes one cold start, part by part.
     *
     * @param args event file, then the comma-separated parts in order
     * @throws Exception on any failure (the driver reports it)
     */
    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        java.lang.management.ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        State state = new State(event);
        StringBuilder out = new StringBuilder();
        for (String part : args[1].split(",")) {
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            long p0 = os.getProcessCpuTime();
            long k0 = classes.getTotalLoadedClassCount();
            run(part, state);
            long w1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            long p1 = os.getProcessCpuTime();
            long k1 = classes.getTotalLoadedClassCount();
            out.append(String.format("{\"part\":\"%s\",\"wallMs\":%.3f,\"mainCpuMs\":%.3f,\"processCpuMs\":%.3f,"
                    + "\"classes\":%d}%n", part, (w1 - w0) / 1e6, (c1 - c0) / 1e6, (p1 - p0) / 1e6, k1 - k0));
        }
        out.append(String.format("{\"part\":\"jvm\",\"wallMs\":%d,\"mainCpuMs\":0,\"processCpuMs\":%.3f,"
                        + "\"classes\":%d}%n", ManagementFactory.getRuntimeMXBean().getUptime(),
                os.getProcessCpuTime() / 1e6, classes.getTotalLoadedClassCount()));
        // stderr: the handlers' own stdout (audit lines) stays separate
        System.err.print(out);
    }

    /** What the parts share: the event and the compiled policy. */
    private static final class State {
        final byte[] event;
        Policy policy;
        RequestStreamHandler guarded;

        State(byte[] event) {
            this.event = event;
        }

        Policy policy() {
            if (policy == null) {
                policy = Policy.forClass(OrdersApi.class).withEnvironment(System.getenv());
            }
            return policy;
        }
    }

    private static void run(String part, State s) throws Exception {
        switch (part) {
            case "bare" -> {
                // the unguarded work: AWS's serializers, a plain Jackson mapper, one invocation
                invoke(new BareOrdersApi(), s.event);
            }
            case "logging" -> {
                // SLF4J's binding, logback and the examples' in-code configuration, one line on each logger
                org.slf4j.LoggerFactory.getLogger("fnguard").debug("cold start parts");
                org.slf4j.LoggerFactory.getLogger(AuditEvent.LOGGER).info("{\"coldStartParts\":true}");
            }
            case "jackson" -> {
                // the guard's strict mapper, its coercion table and the payload type's deserializer
                if (Json.STRICT.readerFor(OrderRequest.class).readValue(ORDER) == null) {
                    throw new IllegalStateException("no order bound");
                }
            }
            case "hv-bootstrap" -> {
                BeanValidation.startBootstrap();
                join("fnguard-validator-bootstrap");
            }
            case "hv-metadata" -> {
                // OrderRequest's validator metadata and the priming validation (SchemaCheck at init)
                SchemaCheck.forType(OrderRequest.class, s.policy());
            }
            case "detect" -> {
                DetectCheck check = new DetectCheck(s.policy().detect(), OrderRequest.class);
                Inspector inspector = new Inspector(s.policy().detect().detectors());
                if (inspector.inspect("leave it at the door, please", Inspector.FieldKind.VALUE, new Work())
                        .isPresent() || check.name().isEmpty()) {
                    throw new IllegalStateException("benign note flagged");
                }
            }
            case "jwt" -> {
                // nimbus's processor, the JWKS fetch and the constant-token warm-up, on their own thread
                new AuthCheck(s.policy().auth(), new InMemoryReplayStore(Clock.systemUTC(), 100_000),
                        Clock.systemUTC());
                join("fnguard-jwt-init");
            }
            case "aws-priming" -> {
                HttpPipeline.startPriming();
                join("fnguard-serializer-prime");
            }
            case "audit-json" -> {
                AuditEvent e = new AuditEvent(Instant.now(), "req-1", Optional.empty(), "OrdersApi",
                        Source.of(SourceKind.HTTP, "apigw-http", "api"), Caller.anonymous(), Mode.ENFORCE,
                        Decision.ALLOW, List.of(), List.of(), List.of(new CheckRun("schema", Decision.ALLOW, 1000)),
                        1, 120, "00", 201, Outcome.OK, Optional.empty(), 1000, 2000);
                if (e.toJson().isEmpty()) {
                    throw new IllegalStateException("empty audit line");
                }
            }
            case "handler" -> {
                // the real constructor: whatever the parts before did not cover, and its own threads
                s.guarded = new OrdersApi();
                join("fnguard-jwt-init");
                join("fnguard-validator-bootstrap");
                join("fnguard-serializer-prime");
            }
            case "first", "second" -> {
                if (s.guarded == null) {
                    throw new IllegalStateException("part " + part + " needs part handler before it");
                }
                String answer = invoke(s.guarded, s.event);
                if (!answer.contains("\"statusCode\":201")) {
                    throw new IllegalStateException("OrdersApi did not answer 201: " + answer);
                }
            }
            default -> throw new IllegalArgumentException("unknown part " + part);
        }
    }

    private static String invoke(RequestStreamHandler h, byte[] event) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Waits for the live thread of that name, if there is one. */
    private static void join(String name) throws InterruptedException {
        Thread[] all = new Thread[Thread.activeCount() + 16];
        int n = Thread.enumerate(all);
        for (int i = 0; i < n; i++) {
            if (all[i].getName().equals(name)) {
                all[i].join();
            }
        }
    }
}
