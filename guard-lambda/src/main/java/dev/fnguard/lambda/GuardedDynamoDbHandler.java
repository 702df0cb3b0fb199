package dev.fnguard.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.lambda.internal.BatchPipeline;
import dev.fnguard.lambda.internal.DynamoDbEvents;
import dev.fnguard.lambda.internal.StreamEvents;
import dev.fnguard.lambda.internal.SyntheticEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base class of a guarded DynamoDB Streams consumer: extend it, annotate the class with
 * {@link Guarded} (stream ARNs in {@link dev.fnguard.Sources#allowed()}, such as
 * {@code arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/*}), implement {@link #handle},
 * and enable {@code ReportBatchItemFailures} on the event source mapping.
 *
 * <p>The payload bound to {@code T} is the item image converted from attribute-value JSON to plain
 * JSON ({@code N} as an exact number, sets as arrays, binary as base64 strings), under the policy's
 * limits: {@code NewImage} for {@code INSERT} and {@code MODIFY}, {@code OldImage} for
 * {@code REMOVE}, the {@code Keys} when the stream carries no image. {@link #handle} runs once per
 * accepted record; the answer is a {@code StreamsEventResponse} whose {@code batchItemFailures} name,
 * by sequence number, every denied record and every record whose handling threw.
 *
 * <p>Order: the event names no shard, but a batch is read from one shard, so once a record fails
 * (denied or thrown) every later record of the batch is reported failed without being delivered.
 * A permanently bad record holds the shard until {@code MaximumRetryAttempts} or
 * {@code MaximumRecordAgeInSeconds} is reached: set both, with {@code BisectBatchOnFunctionError}
 * and an on-failure destination.
 *
 * <p>{@link RecordContext#attribute} gives {@code eventName}, {@code eventID},
 * {@code sequenceNumber}, {@code keys} (plain JSON) and {@code streamViewType}. Each denied record
 * gets its own audit event; an event that cannot be read at all is answered as the failure of the
 * whole batch.
 *
 * @param <T> the payload type of an item image
 */
public abstract class GuardedDynamoDbHandler<T> implements RequestStreamHandler {

    /** {@link RecordContext} attribute: {@code INSERT}, {@code MODIFY} or {@code REMOVE}. */
    public static final String EVENT_NAME = DynamoDbEvents.ATTR_EVENT_NAME;
    /** {@link RecordContext} attribute: the stream record's {@code eventID}. */
    public static final String EVENT_ID = DynamoDbEvents.ATTR_EVENT_ID;
    /** {@link RecordContext} attribute: the record's sequence number (also its {@code recordId}). */
    public static final String SEQUENCE_NUMBER = DynamoDbEvents.ATTR_SEQUENCE_NUMBER;
    /** {@link RecordContext} attribute: the item's keys as plain JSON. */
    public static final String KEYS = DynamoDbEvents.ATTR_KEYS;
    /** {@link RecordContext} attribute: the stream view type. */
    public static final String STREAM_VIEW_TYPE = DynamoDbEvents.ATTR_STREAM_VIEW_TYPE;

    private final BatchPipeline<T> pipeline;

    /** Creates the handler with the process environment, SLF4J audit sink and system clock. */
    protected GuardedDynamoDbHandler() {
        this(GuardOptions.defaults());
    }

    /**
     * Creates the handler with explicit options.
     *
     * @param options environment, audit sink and clock
     */
    protected GuardedDynamoDbHandler(GuardOptions options) {
        Class<T> type = PayloadTypes.of(getClass(), GuardedDynamoDbHandler.class);
        Policy policy = Policy.forClass(getClass()).withEnvironment(options.environment());
        Guard guard = Guard.builder(policy, type).auditSink(options.auditSink()).clock(options.clock()).build();
        String fn = options.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", getClass().getSimpleName());
        DynamoDbEvents events = new DynamoDbEvents(policy.limits());
        this.pipeline = new BatchPipeline<>(guard, type, fn, DynamoDbEvents.UNREADABLE, events::map,
                StreamEvents::answer, true, StreamEvents.MAX_EVENT_BYTES, StreamEvents.WHOLE_BATCH);
        SnapStartPriming.register(pipeline, SyntheticEvents.dynamoDb(policy.sources()));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context, this::handle);
    }

    /**
     * Handles one accepted record.
     *
     * @param payload the item image (or keys), converted, bound and validated
     * @param context the event name, keys, sequence number and the invocation's context
     * @throws Exception anything; the record and every later record of the batch are reported failed
     */
    protected abstract void handle(T payload, RecordContext context) throws Exception;
}
