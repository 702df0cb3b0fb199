package dev.fnguard.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.lambda.internal.EntryPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Guards an existing, unchanged {@code RequestHandler} or {@code RequestStreamHandler} with no code
 * change: set the function's handler to {@code dev.fnguard.lambda.GuardedEntryPoint::handleRequest}
 * and {@value #ENV_HANDLER} to the fully qualified class of the handler.
 *
 * <p>At init the entry point loads that class, compiles its policy (its {@link Guarded} annotation if
 * present, completed by the {@code FNGUARD_*} variables; for an unannotated class the variables alone,
 * including {@code FNGUARD_JWT_*} and {@code FNGUARD_API_KEYS}, which then declare the method), and
 * instantiates it once through its public no-argument constructor. A missing or unusable
 * {@value #ENV_HANDLER} fails the init with an exception naming the variable: no event is ever served
 * unguarded.
 *
 * <p>Per event: the bytes are read under the event limit, the kind is detected from the event itself
 * (API Gateway REST and HTTP API, Function URL, ALB, SQS, S3 notifications, IoT rule events; anything
 * else is denied {@code UNSUPPORTED_EVENT}), and transport, auth, budget, source allow-list and
 * per-record limits are checked; the payload is not bound to a type. A {@code RequestStreamHandler}
 * gets the event bytes, a {@code RequestHandler<I, O>} the event deserialized into {@code I} with
 * AWS's serialization, always without the records the guard denied. HTTP denials are answered with
 * the problem document, status and security headers of {@link GuardedHttpHandler}; SQS denials are
 * named in {@code batchItemFailures}, merged with those the handler reports. Every denied or failed
 * record gets its own audit event and the invocation exactly one terminal event. See
 * {@code docs/sources.md}, "The drop-in entry point".
 */
public final class GuardedEntryPoint implements RequestStreamHandler {

    /** Environment variable: the fully qualified class of the handler to guard. */
    public static final String ENV_HANDLER = "FNGUARD_HANDLER";

    private final EntryPipeline pipeline;

    /**
     * Creates the entry point as the Lambda runtime does, once per instance: the process environment,
     * the SLF4J audit sink, the system clock.
     *
     * @throws IllegalStateException naming {@value #ENV_HANDLER} when it does not name a usable handler
     */
    public GuardedEntryPoint() {
        this(GuardOptions.defaults());
    }

    /**
     * Creates the entry point with explicit options (tests, the drill).
     *
     * @param options environment (which holds {@value #ENV_HANDLER}), audit sink, clock and stores
     * @throws IllegalStateException naming {@value #ENV_HANDLER} when it does not name a usable handler
     * @throws IllegalArgumentException naming the variable when a {@code FNGUARD_*} value is invalid
     */
    public GuardedEntryPoint(GuardOptions options) {
        this.pipeline = EntryPipeline.create(options);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context);
    }
}
