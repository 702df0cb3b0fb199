package dev.fnguard.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.lambda.internal.BatchPipeline;
import dev.fnguard.lambda.internal.SqsEvents;
import dev.fnguard.lambda.internal.StreamEvents;
import dev.fnguard.lambda.internal.SyntheticEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base class of a guarded SQS consumer (standard and FIFO queues): extend it, annotate the class
 * with {@link Guarded}, implement {@link #handle}, and enable {@code ReportBatchItemFailures} on the
 * event source mapping.
 *
 * <p>Each message body is checked (source allow-list, poison cap, limits, strict schema) and bound to
 * {@code T}; {@link #handle} runs once per accepted message. The answer is an {@code SQSBatchResponse}
 * whose {@code batchItemFailures} name every denied message and every message whose handling threw,
 * so the queue retries or dead-letters them; in a FIFO queue, every later message of a failed
 * message group is reported failed too. Each denied message gets its own audit event.
 *
 * @param <T> the payload type of a message body
 */
public abstract class GuardedSqsHandler<T> implements RequestStreamHandler {

    private final BatchPipeline<T> pipeline;

    /** Creates the handler with the process environment, SLF4J audit sink and system clock. */
    protected GuardedSqsHandler() {
        this(GuardOptions.defaults());
    }

    /**
     * Creates the handler with explicit options.
     *
     * @param options environment, audit sink and clock
     */
    protected GuardedSqsHandler(GuardOptions options) {
        Class<T> type = PayloadTypes.of(getClass(), GuardedSqsHandler.class);
        Policy policy = Policy.forClass(getClass()).withEnvironment(options.environment());
        Guard guard = Guard.builder(policy, type).auditSink(options.auditSink()).clock(options.clock()).build();
        String fn = options.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", getClass().getSimpleName());
        // a batch is bounded by the platform, each message by maxBodyBytes; an unreadable batch is
        // answered as a whole-batch failure so that SQS redelivers or dead-letters it, never deletes it
        this.pipeline = new BatchPipeline<>(guard, type, fn, SqsEvents.UNREADABLE, SqsEvents::map,
                SqsEvents::answer, true, StreamEvents.MAX_EVENT_BYTES, StreamEvents.WHOLE_BATCH);
        SnapStartPriming.register(pipeline, SyntheticEvents.sqs(policy.sources()));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context, this::handle);
    }

    /**
     * Handles one accepted message.
     *
     * @param payload the body, bound and validated
     * @param context the message id, attributes and the invocation's context
     * @throws Exception anything; the message is reported in {@code batchItemFailures}
     */
    protected abstract void handle(T payload, RecordContext context) throws Exception;
}
