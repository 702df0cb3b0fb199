package dev.fnguard.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.Guard;
import dev.fnguard.GuardContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.HttpReply;
import dev.fnguard.Policy;
import dev.fnguard.internal.BeanValidation;
import dev.fnguard.lambda.internal.HttpPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Base class of a guarded HTTP function on AWS Lambda: extend it, annotate the class with
 * {@link Guarded}, and implement {@link #handle}. The function's handler setting names your class
 * ({@code com.example.OrdersApi::handleRequest}), as for any Java Lambda.
 *
 * <p>Accepts API Gateway REST (payload 1.0), HTTP API (2.0), Function URL and ALB events, and answers
 * in the shape of the event that came in. The event is read as a stream under the policy's limits,
 * deserialized with AWS's own serializers, checked, and bound to {@code In}; {@link #handle} runs only
 * for an allowed request. Denials are answered with a problem document (400, 403, 405, 413, 415),
 * errors with a generic 500; every response carries the security headers; every invocation writes
 * one audit event.
 *
 * <pre>{@code
 * @Guarded(limits = @Limits(maxBodyBytes = 16 * 1024), http = @Http(methods = "POST"))
 * public final class OrdersApi extends GuardedHttpHandler<OrderRequest, OrderCreated> {
 *     protected HttpReply<OrderCreated> handle(OrderRequest order, GuardContext ctx) {
 *         return HttpReply.created(new OrderCreated(UUID.randomUUID()));
 *     }
 * }
 * }</pre>
 *
 * <p>The policy is compiled once, when the runtime creates the handler; instances are thread-safe.
 *
 * @param <In> the payload type the body is bound to (a record or bean with Bean Validation constraints)
 * @param <Out> the reply body type, serialized as JSON
 */
public abstract class GuardedHttpHandler<In, Out> implements RequestStreamHandler {

    private final HttpPipeline<In, Out> pipeline;

    /** Creates the handler with the process environment, the SLF4J audit sink and the system clock. */
    protected GuardedHttpHandler() {
        this(GuardOptions.defaults());
    }

    /**
     * Creates the handler with explicit options (tests, the drill, other runtimes).
     *
     * @param options environment, audit sink and clock
     */
    protected GuardedHttpHandler(GuardOptions options) {
        // the two heaviest parts of init (AWS's serializers, Hibernate Validator) run in parallel
        HttpPipeline.startPriming();
        BeanValidation.startBootstrap();
        Class<In> payloadType = payloadType(getClass());
        Policy policy = Policy.forClass(getClass()).withEnvironment(options.environment());
        Guard guard = Guard.builder(policy, payloadType)
                .auditSink(options.auditSink())
                .clock(options.clock())
                .build();
        String fn = options.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", getClass().getSimpleName());
        this.pipeline = new HttpPipeline<>(guard, payloadType, fn);
        SnapStartPriming.register(pipeline);
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context, this::handle);
    }

    /**
     * Handles one allowed request.
     *
     * @param payload the body, bound and validated
     * @param context request id, caller, route, headers and time left
     * @return the reply; its body is serialized as JSON
     * @throws Exception anything; the caller gets a generic 500 with the request id
     */
    protected abstract HttpReply<Out> handle(In payload, GuardContext context) throws Exception;

    @SuppressWarnings("unchecked")
    private static <In> Class<In> payloadType(Class<?> handlerClass) {
        Class<?> c = handlerClass;
        while (c != null && c.getSuperclass() != GuardedHttpHandler.class) {
            c = c.getSuperclass();
        }
        if (c != null) {
            Type t = c.getGenericSuperclass();
            if (t instanceof ParameterizedType p) {
                Type arg = p.getActualTypeArguments()[0];
                if (arg instanceof Class<?> k) {
                    return (Class<In>) k;
                }
                if (arg instanceof ParameterizedType pk && pk.getRawType() instanceof Class<?> raw) {
                    return (Class<In>) raw;
                }
            }
        }
        throw new IllegalStateException(handlerClass.getName()
                + " must extend GuardedHttpHandler<In, Out> with a concrete payload class for In");
    }
}
