package dev.fnguard.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.lambda.internal.BatchPipeline;
import dev.fnguard.lambda.internal.EventBridgeEvents;
import dev.fnguard.lambda.internal.SyntheticEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base class of a guarded EventBridge target (rules on any bus, and schedules): extend it, annotate
 * the class with {@link Guarded} (sources in {@link dev.fnguard.Sources#allowed()} as
 * {@code events:<source>}, detail-types in {@link dev.fnguard.Sources#eventDetailTypes()}), and
 * implement {@link #handle}.
 *
 * <p>One event is one record: its {@code detail} is checked (source and detail-type allow-lists,
 * limits, strict schema) and bound to {@code T}. For a schedule (or any event whose detail does not
 * matter) declare {@code T} as {@code Void} (the handler gets {@code null}) or an empty record type.
 * EventBridge invokes asynchronously: a denied event is dropped with its own audit event, never
 * thrown back. When {@link #handle} throws, the event is audited with outcome {@code error} and the
 * invocation fails, so that Lambda's asynchronous retries and on-failure destination get it.
 *
 * <p>{@link RecordContext} attributes: {@code id}, {@code source}, {@code detail-type},
 * {@code account}, {@code region}, {@code time}, {@code resources} (comma-separated ARNs), and
 * {@code replay-name} for a replayed event.
 *
 * @param <T> the payload type of the event's detail
 */
public abstract class GuardedEventBridgeHandler<T> implements RequestStreamHandler {

    private final BatchPipeline<T> pipeline;

    /** Creates the handler with the process environment, SLF4J audit sink and system clock. */
    protected GuardedEventBridgeHandler() {
        this(GuardOptions.defaults());
    }

    /**
     * Creates the handler with explicit options.
     *
     * @param options environment, audit sink and clock
     */
    protected GuardedEventBridgeHandler(GuardOptions options) {
        Class<T> type = PayloadTypes.of(getClass(), GuardedEventBridgeHandler.class);
        Policy policy = Policy.forClass(getClass()).withEnvironment(options.environment());
        Guard guard = Guard.builder(policy, type).auditSink(options.auditSink()).clock(options.clock()).build();
        String fn = options.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", getClass().getSimpleName());
        this.pipeline = new BatchPipeline<>(guard, type, fn, EventBridgeEvents.UNREADABLE, EventBridgeEvents::map,
                EventBridgeEvents::answer, false);
        SnapStartPriming.register(pipeline, SyntheticEvents.eventBridge(policy.sources()));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context, this::handle);
    }

    /**
     * Handles one accepted event.
     *
     * @param detail the event's detail, bound and validated; {@code null} when {@code T} is {@code Void}
     * @param context the envelope's attributes and the invocation's context
     * @throws Exception anything; audited, and the invocation then fails so that Lambda retries it
     */
    protected abstract void handle(T detail, RecordContext context) throws Exception;
}
