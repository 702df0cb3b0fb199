package dev.fnguard.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditSink;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.OrdersApi;
import dev.fnguard.examples.drill.DrillTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Warm overhead of the guard on one HTTP API v2 event of about 1 KB, in one run: the bare handler
 * (same AWS serialization, Jackson binding and handler) against the guarded handler without a
 * signature check ({@code OrdersApi}'s policy less its JWT: transport, budget, limits, strict schema,
 * Bean Validation, detection, security headers, audit event serialized to JSON), and the guarded
 * {@code OrdersApi} itself with an RS256 and with an ES256 bearer token (the same token every time:
 * the key is cached and the guard remembers the verified token).
 *
 * <p>The audit sink serializes each event to its JSON line and drops it, so the figure includes
 * building the audit event but not the logging backend's I/O.
 *
 * <pre>
 * mvn -B -ntp -q -DskipTests -pl benchmarks -am package
 * java -jar benchmarks/target/benchmarks.jar 'HttpOverheadBenchmark|SourceOverheadBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class HttpOverheadBenchmark {

    private byte[] event;
    private byte[] es256Event;
    private BareOrdersApi bare;
    private GuardedSources.OrdersNoSignature noSignature;
    private OrdersApi guarded;

    /** Builds the event and both handlers. */
    @Setup
    public void setUp() throws IOException {
        DrillTokens tokens = DrillTokens.create();
        event = oneKilobyteEvent(tokens.valid());
        es256Event = oneKilobyteEvent(tokens.es256());
        bare = new BareOrdersApi();
        AuditSink serializeOnly = SourceOverheadBenchmark.serializeOnly(null);
        guarded = new OrdersApi(GuardOptions.builder().environment(Unthrottled.with(tokens.environment()))
                .auditSink(serializeOnly).build());
        noSignature = new GuardedSources.OrdersNoSignature(GuardOptions.builder()
                .environment(Unthrottled.ENVIRONMENT).auditSink(serializeOnly).build());
        accepted(guarded, event);
        accepted(guarded, es256Event);
        accepted(noSignature, event);
    }

    private static void accepted(com.amazonaws.services.lambda.runtime.RequestStreamHandler h, byte[] event)
            throws IOException {
        ByteArrayOutputStream check = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event), check, null);
        if (!check.toString().contains("\"statusCode\":201")) {
            throw new IllegalStateException("guarded handler did not accept the benchmark event: " + check);
        }
    }

    /**
     * The 1 KB v2 event: AWS's sample HTTP API event carrying a valid order and a bearer token
     * (OrdersApi requires one; the bare handler ignores it).
     *
     * @param token the bearer token
     * @return the event bytes
     * @throws IOException never, in practice
     */
    static byte[] oneKilobyteEvent(String token) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode e;
        try (InputStream in = HttpOverheadBenchmark.class.getResourceAsStream("/events/apigw_http_event.json")) {
            e = (ObjectNode) m.readTree(in);
        }
        ((ObjectNode) e.get("requestContext").get("http")).put("method", "POST");
        ((ObjectNode) e.get("headers")).put("content-type", "application/json");
        ((ObjectNode) e.get("headers")).put("authorization", "Bearer " + token);
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

    /** The same event through the guard, no signature check (the 25 µs target). */
    @Benchmark
    public void guardedNoSignature(Blackhole bh) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        noSignature.handleRequest(new ByteArrayInputStream(event), out, null);
        bh.consume(out);
    }

    /** The same event through {@code OrdersApi}: RS256 bearer token, cached key (the 60 µs target). */
    @Benchmark
    public void guardedRs256(Blackhole bh) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        guarded.handleRequest(new ByteArrayInputStream(event), out, null);
        bh.consume(out);
    }

    /** The same event with an ES256 bearer token. */
    @Benchmark
    public void guardedEs256(Blackhole bh) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        guarded.handleRequest(new ByteArrayInputStream(es256Event), out, null);
        bh.consume(out);
    }
}
