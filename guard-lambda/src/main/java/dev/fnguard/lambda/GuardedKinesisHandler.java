package dev.fnguard.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.lambda.internal.BatchPipeline;
import dev.fnguard.lambda.internal.KinesisEvents;
import dev.fnguard.lambda.internal.StreamEvents;
import dev.fnguard.lambda.internal.SyntheticEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base class of a guarded Kinesis Data Streams consumer: extend it, annotate the class with
 * {@link Guarded} (stream ARNs in {@link dev.fnguard.Sources#allowed()}, such as
 * {@code arn:aws:kinesis:eu-west-1:123456789012:stream/clicks}), implement {@link #handle}, and
 * enable {@code ReportBatchItemFailures} on the event source mapping.
 *
 * <p>Each record's {@code data} is base64-decoded (bad base64 is denied {@code ENCODING}), checked
 * (source allow-list, limits, strict schema) and bound to {@code T}; {@link #handle} runs once per
 * accepted record. The answer is a {@code StreamsEventResponse} whose {@code batchItemFailures} name,
 * by sequence number, every denied record and every record whose handling threw.
 *
 * <p>Order: a shard is read in order and Lambda checkpoints at the lowest failed sequence number, so
 * once a record of a shard fails (denied or thrown), every later record of that shard in the batch
 * is reported failed without being delivered; records of other shards go on. A permanently bad record
 * therefore holds its shard until {@code MaximumRetryAttempts} or {@code MaximumRecordAgeInSeconds}
 * is reached: set both, with {@code BisectBatchOnFunctionError} and an on-failure destination.
 *
 * <p>{@link RecordContext#attribute} gives {@code partitionKey}, {@code sequenceNumber},
 * {@code shardId} and {@code approximateArrivalTimestamp} (ISO-8601). Each denied record gets its own
 * audit event; an event that cannot be read at all is answered as the failure of the whole batch.
 *
 * @param <T> the payload type of a record's data
 */
public abstract class GuardedKinesisHandler<T> implements RequestStreamHandler {

    /** {@link RecordContext} attribute: the record's partition key. */
    public static final String PARTITION_KEY = KinesisEvents.ATTR_PARTITION_KEY;
    /** {@link RecordContext} attribute: the record's sequence number (also its {@code recordId}). */
    public static final String SEQUENCE_NUMBER = KinesisEvents.ATTR_SEQUENCE_NUMBER;
    /** {@link RecordContext} attribute: the shard id ({@code shardId-000000000000}). */
    public static final String SHARD_ID = KinesisEvents.ATTR_SHARD_ID;
    /** {@link RecordContext} attribute: the approximate arrival time, ISO-8601. */
    public static final String ARRIVAL_TIMESTAMP = KinesisEvents.ATTR_ARRIVAL;

    private final BatchPipeline<T> pipeline;

    /** Creates the handler with the process environment, SLF4J audit sink and system clock. */
    protected GuardedKinesisHandler() {
        this(GuardOptions.defaults());
    }

    /**
     * Creates the handler with explicit options.
     *
     * @param options environment, audit sink and clock
     */
    protected GuardedKinesisHandler(GuardOptions options) {
        Class<T> type = PayloadTypes.of(getClass(), GuardedKinesisHandler.class);
        Policy policy = Policy.forClass(getClass()).withEnvironment(options.environment());
        Guard guard = Guard.builder(policy, type).auditSink(options.auditSink()).clock(options.clock()).build();
        String fn = options.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", getClass().getSimpleName());
        this.pipeline = new BatchPipeline<>(guard, type, fn, KinesisEvents.UNREADABLE, KinesisEvents::map,
                StreamEvents::answer, true, StreamEvents.MAX_EVENT_BYTES, StreamEvents.WHOLE_BATCH);
        SnapStartPriming.register(pipeline, SyntheticEvents.kinesis(policy.sources()));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context, this::handle);
    }

    /**
     * Handles one accepted record.
     *
     * @param payload the record's data, decoded, bound and validated
     * @param context the sequence number, partition key, shard and the invocation's context
     * @throws Exception anything; the record and every later record of its shard are reported failed
     */
    protected abstract void handle(T payload, RecordContext context) throws Exception;
}
