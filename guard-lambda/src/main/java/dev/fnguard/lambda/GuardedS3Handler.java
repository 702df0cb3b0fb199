package dev.fnguard.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.lambda.internal.BatchPipeline;
import dev.fnguard.lambda.internal.S3Events;
import dev.fnguard.lambda.internal.SyntheticEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base class of a guarded S3 notification consumer: extend it, annotate the class with
 * {@link Guarded} (bucket allow-list, key pattern, size cap and event names in
 * {@link dev.fnguard.Sources}), and implement {@link #handle}.
 *
 * <p>Each record's bucket is checked against the allow-list, its key URL-decoded as S3 encodes it
 * and refused on traversal, control characters or a pattern mismatch, its size checked against the
 * cap. S3 invokes asynchronously and has no caller to answer: a denied record is dropped with its
 * own audit event, never thrown back (a throw would make S3 retry a forged event).
 *
 * <p>S3 events delivered through EventBridge ({@code source: aws.s3}) are accepted too, detected
 * from the event itself: the key is taken as EventBridge sends it (not URL-encoded) and faces the
 * same checks, the bucket is {@code arn:aws:s3:::<bucket>}, account and region come from the
 * envelope, and the detail-type is mapped to the notification's event name
 * ({@code Object Created} with reason {@code PutObject} is {@code ObjectCreated:Put}), so that
 * {@link dev.fnguard.Sources#objectEvents()} filters both shapes.
 */
public abstract class GuardedS3Handler implements RequestStreamHandler {

    private final BatchPipeline<S3ObjectNotification> pipeline;

    /** Creates the handler with the process environment, SLF4J audit sink and system clock. */
    protected GuardedS3Handler() {
        this(GuardOptions.defaults());
    }

    /**
     * Creates the handler with explicit options.
     *
     * @param options environment, audit sink and clock
     */
    protected GuardedS3Handler(GuardOptions options) {
        Policy policy = Policy.forClass(getClass()).withEnvironment(options.environment());
        Guard guard = Guard.builder(policy, S3ObjectNotification.class).auditSink(options.auditSink())
                .clock(options.clock()).build();
        String fn = options.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", getClass().getSimpleName());
        S3Events events = new S3Events(policy.sources());
        this.pipeline = new BatchPipeline<>(guard, S3ObjectNotification.class, fn, S3Events.UNREADABLE, events::map,
                S3Events::answer, false);
        SnapStartPriming.register(pipeline, SyntheticEvents.s3(policy.sources()));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context, this::handle);
    }

    /**
     * Handles one accepted object notification.
     *
     * @param object the bucket, decoded key, size and event name
     * @param context the record's id and the invocation's context
     * @throws Exception anything; logged and audited (S3 does not retry on the guard's answer)
     */
    protected abstract void handle(S3ObjectNotification object, RecordContext context) throws Exception;
}
