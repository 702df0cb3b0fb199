package dev.fnguard.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditSink;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.OrdersApi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Warm overhead of the guard on one HTTP API v2 event of about 1 KB: the bare handler (same AWS
 * serialization, Jackson binding and handler) against the guarded {@code OrdersApi} (limits, strict
 * schema, Bean Validation, security headers, audit event serialized to JSON), in one run.
 *
 * <p>The audit sink serializes each event to its JSON line and drops it, so the figure includes
 * building the audit event but not the logging backend's I/O.
 *
 * <pre>
 * mvn -B -ntp -q -DskipTests package
 * java -jar benchmarks/target/benchmarks.jar HttpOverheadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class HttpOverheadBenchmark {

    private byte[] event;
    private BareOrdersApi bare;
    private OrdersApi guarded;

    /** Builds the event and both handlers. */
    @Setup
    public void setUp() throws IOException {
        event = oneKilobyteEvent();
        bare = new BareOrdersApi();
        AuditSink serializeOnly = e -> {
            if (e.toJson().isEmpty()) {
                throw new IllegalStateException("empty audit line");
            }
        };
        guarded = new OrdersApi(GuardOptions.builder().environment(Map.of()).auditSink(serializeOnly).build());
        ByteArrayOutputStream check = new ByteArrayOutputStream();
        guarded.handleRequest(new ByteArrayInputStream(event), check, null);
        if (!check.toString().contains("\"statusCode\":201")) {
            throw new IllegalStateException("guarded handler did not accept the benchmark event: " + check);
        }
    }

    /** The 1 KB v2 event: AWS's sample HTTP API event carrying a valid order. */
    static byte[] oneKilobyteEvent() throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode e;
        try (InputStream in = HttpOverheadBenchmark.class.getResourceAsStream("/events/apigw_http_event.json")) {
            e = (ObjectNode) m.readTree(in);
        }
        ((ObjectNode) e.get("requestContext").get("http")).put("method", "POST");
        ((ObjectNode) e.get("headers")).put("content-type", "application/json");
        e.put("body", "{\"sku\":\"ABC-123\",\"quantity\":2,\"note\":\"leave it at the door, please\","
                + "\"email\":\"ana@example.com\"}");
        return m.writeValueAsBytes(e);
    }

    /** Baseline. */
    @Benchmark
    public void bare(Blackhole bh) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        bare.handleRequest(new ByteArrayInputStream(event), out, null);
        bh.consume(out);
    }

    /** The same event through the guard. */
    @Benchmark
    public void guarded(Blackhole bh) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        guarded.handleRequest(new ByteArrayInputStream(event), out, null);
        bh.consume(out);
    }
}
