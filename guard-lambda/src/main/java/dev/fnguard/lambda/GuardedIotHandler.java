package dev.fnguard.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.lambda.internal.BatchPipeline;
import dev.fnguard.lambda.internal.IotEvents;
import dev.fnguard.lambda.internal.SyntheticEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base class of a guarded AWS IoT Core rule target: extend it, annotate the class with
 * {@link Guarded} (topic filters in {@link dev.fnguard.Sources#allowed()} as {@code iot:<filter>},
 * with {@code +} and {@code #}), and implement {@link #handle}.
 *
 * <p>IoT rule events have no envelope: the rule's SQL must add {@code topic() AS topic} and
 * {@code clientid() AS clientId}. The guard reads those two keys for the source checks and removes
 * them before binding the rest of the message to {@code T}. A denied message is dropped with an
 * audit event, never thrown back; the client id is available as {@code ctx.attribute("clientId")}.
 *
 * @param <T> the payload type of a message
 */
public abstract class GuardedIotHandler<T> implements RequestStreamHandler {

    private final BatchPipeline<T> pipeline;

    /** Creates the handler with the process environment, SLF4J audit sink and system clock. */
    protected GuardedIotHandler() {
        this(GuardOptions.defaults());
    }

    /**
     * Creates the handler with explicit options.
     *
     * @param options environment, audit sink and clock
     */
    protected GuardedIotHandler(GuardOptions options) {
        Class<T> type = PayloadTypes.of(getClass(), GuardedIotHandler.class);
        Policy policy = Policy.forClass(getClass()).withEnvironment(options.environment());
        Guard guard = Guard.builder(policy, type).auditSink(options.auditSink()).clock(options.clock()).build();
        String fn = options.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", getClass().getSimpleName());
        this.pipeline = new BatchPipeline<>(guard, type, fn, IotEvents.UNREADABLE, IotEvents::map,
                IotEvents::answer, true);
        SnapStartPriming.register(pipeline, SyntheticEvents.iot(policy.sources()));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context, this::handle);
    }

    /**
     * Handles one accepted message.
     *
     * @param payload the message without {@code topic} and {@code clientId}, bound and validated
     * @param context the client id attribute and the invocation's context
     * @throws Exception anything; logged and audited
     */
    protected abstract void handle(T payload, RecordContext context) throws Exception;
}
