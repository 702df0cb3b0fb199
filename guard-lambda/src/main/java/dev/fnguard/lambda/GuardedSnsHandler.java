package dev.fnguard.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.lambda.internal.BatchPipeline;
import dev.fnguard.lambda.internal.CertificateFetcher;
import dev.fnguard.lambda.internal.HttpsCertificateFetcher;
import dev.fnguard.lambda.internal.SnsEvents;
import dev.fnguard.lambda.internal.SyntheticEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base class of a guarded SNS subscriber: extend it, annotate the class with {@link Guarded} (topic
 * ARNs in {@link dev.fnguard.Sources#allowed()}, signature verification with
 * {@link dev.fnguard.Sources#verifySnsSignature()}), and implement {@link #handle}.
 *
 * <p>Each notification's {@code Message} is checked (topic allow-list, signature when required,
 * limits, strict schema) and bound to {@code T}; {@link #handle} runs once per accepted notification.
 * SNS invokes asynchronously and has no caller to answer: a denied notification is dropped with its
 * own audit event (its MessageId and reason), never thrown back, since a throw would make Lambda
 * retry a forged message. When {@link #handle} throws, the record is audited with outcome
 * {@code error} and, after every record was processed, the invocation fails, so that Lambda's
 * asynchronous retries and the on-failure destination (or dead-letter queue) get the event: nothing
 * is lost. SNS delivers one notification per invocation, so a retry repeats only the failed one.
 *
 * <p>{@link RecordContext} attributes: {@code MessageId}, {@code Subject} (when present),
 * {@code Timestamp}, {@code TopicArn}, and message attributes of type String or Number as
 * {@code attr.<name>}.
 *
 * @param <T> the payload type of a message
 */
public abstract class GuardedSnsHandler<T> implements RequestStreamHandler {

    private final BatchPipeline<T> pipeline;

    /** Creates the handler with the process environment, SLF4J audit sink and system clock. */
    protected GuardedSnsHandler() {
        this(GuardOptions.defaults());
    }

    /**
     * Creates the handler with explicit options.
     *
     * @param options environment, audit sink and clock
     */
    protected GuardedSnsHandler(GuardOptions options) {
        this(options, new HttpsCertificateFetcher());
    }

    /** For tests: fetches signing certificates with {@code fetcher} instead of over HTTPS. */
    GuardedSnsHandler(GuardOptions options, CertificateFetcher fetcher) {
        Class<T> type = PayloadTypes.of(getClass(), GuardedSnsHandler.class);
        Policy policy = Policy.forClass(getClass()).withEnvironment(options.environment());
        Guard guard = Guard.builder(policy, type).auditSink(options.auditSink()).clock(options.clock()).build();
        String fn = options.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", getClass().getSimpleName());
        SnsEvents events = new SnsEvents(policy.sources(), fetcher, options.clock());
        this.pipeline = new BatchPipeline<>(guard, type, fn, SnsEvents.UNREADABLE, events::map, SnsEvents::answer,
                false);
        SnapStartPriming.register(pipeline, SyntheticEvents.sns(policy.sources()));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context, this::handle);
    }

    /**
     * Handles one accepted notification.
     *
     * @param payload the message, bound and validated
     * @param context the message id, subject, timestamp, topic, message attributes and the invocation's context
     * @throws Exception anything; audited, and the invocation then fails so that Lambda retries it
     */
    protected abstract void handle(T payload, RecordContext context) throws Exception;
}
