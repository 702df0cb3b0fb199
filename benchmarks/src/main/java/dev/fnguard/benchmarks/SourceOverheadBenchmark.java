package dev.fnguard.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.AuditEvent;
import dev.fnguard.AuditSink;
import dev.fnguard.GuardOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * Warm overhead of the guard per event source, bare against guarded on the same event in one run:
 * S3 (one {@code ObjectCreated:Put}), SQS (a batch of ten payment messages) and IoT (one telemetry
 * reading). The guarded handlers carry the examples' policies ({@code ImageIngest},
 * {@code PaymentsQueue}, {@code TelemetryIngest}); both sides run the same {@link SourceWork}. The
 * audit sink serializes every event to its JSON line and drops it. HTTP is in
 * {@link HttpOverheadBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'HttpOverheadBenchmark|SourceOverheadBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SourceOverheadBenchmark {

    private byte[] s3Event;
    private byte[] sqsEvent;
    private byte[] iotEvent;
    private RequestStreamHandler s3Bare;
    private RequestStreamHandler s3Guarded;
    private RequestStreamHandler sqsBare;
    private RequestStreamHandler sqsGuarded;
    private RequestStreamHandler iotBare;
    private RequestStreamHandler iotGuarded;

    /** Builds the events and the handlers, and checks that the guard accepts every record. */
    @Setup
    public void setUp() throws IOException {
        s3Event = SourceEvents.s3();
        sqsEvent = SourceEvents.sqsBatchOfTen();
        iotEvent = SourceEvents.iot();
        List<AuditEvent> seen = new ArrayList<>();
        AuditSink sink = serializeOnly(seen);
        s3Bare = new BareSources.S3();
        sqsBare = new BareSources.Sqs();
        iotBare = new BareSources.Iot();
        s3Guarded = new GuardedSources.Images(options(Map.of("FNGUARD_ALLOWED_SOURCES",
                "arn:aws:s3:::" + SourceEvents.BUCKET), sink));
        sqsGuarded = new GuardedSources.Payments(options(Map.of("FNGUARD_ALLOWED_SOURCES", SourceEvents.QUEUE), sink));
        iotGuarded = new GuardedSources.TelemetryRule(options(Map.of(), sink));
        for (RequestStreamHandler h : List.of(s3Bare, sqsBare, iotBare)) {
            run(h, h == s3Bare ? s3Event : h == sqsBare ? sqsEvent : iotEvent);
        }
        long before = SourceWork.sum();
        String sqsAnswer = run(sqsGuarded, sqsEvent);
        run(s3Guarded, s3Event);
        run(iotGuarded, iotEvent);
        if (SourceWork.sum() == before || !sqsAnswer.contains("\"batchItemFailures\":[]") || seen.size() != 3
                || seen.stream().anyMatch(e -> !e.decision().wireName().equals("allow"))) {
            throw new IllegalStateException("the guard did not accept every benchmark record: " + seen + " " + sqsAnswer);
        }
        seen.clear();
    }

    /**
     * The audit sink of every overhead benchmark: the JSON line is built and dropped.
     *
     * @param keep a list that keeps the events (the setup's own checks), or null
     * @return the sink
     */
    static AuditSink serializeOnly(List<AuditEvent> keep) {
        return e -> {
            if (e.toJson().isEmpty()) {
                throw new IllegalStateException("empty audit line");
            }
            if (keep != null && keep.size() < 16) {
                keep.add(e);
            }
        };
    }

    private static GuardOptions options(Map<String, String> env, AuditSink sink) {
        return GuardOptions.builder().environment(env).auditSink(sink).build();
    }

    private static String run(RequestStreamHandler h, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        h.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toString();
    }

    private static void invoke(RequestStreamHandler h, byte[] event, Blackhole bh) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        h.handleRequest(new ByteArrayInputStream(event), out, null);
        bh.consume(out);
        bh.consume(SourceWork.sum());
    }

    /** S3, bare. */
    @Benchmark
    public void s3Bare(Blackhole bh) throws IOException {
        invoke(s3Bare, s3Event, bh);
    }

    /** S3, guarded (ImageIngest's policy). */
    @Benchmark
    public void s3Guarded(Blackhole bh) throws IOException {
        invoke(s3Guarded, s3Event, bh);
    }

    /** SQS batch of ten, bare. */
    @Benchmark
    public void sqsBatch10Bare(Blackhole bh) throws IOException {
        invoke(sqsBare, sqsEvent, bh);
    }

    /** SQS batch of ten, guarded (PaymentsQueue's policy). */
    @Benchmark
    public void sqsBatch10Guarded(Blackhole bh) throws IOException {
        invoke(sqsGuarded, sqsEvent, bh);
    }

    /** IoT, bare. */
    @Benchmark
    public void iotBare(Blackhole bh) throws IOException {
        invoke(iotBare, iotEvent, bh);
    }

    /** IoT, guarded (TelemetryIngest's policy). */
    @Benchmark
    public void iotGuarded(Blackhole bh) throws IOException {
        invoke(iotGuarded, iotEvent, bh);
    }
}
