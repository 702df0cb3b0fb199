package dev.fnguard.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.azure.internal.AzureHttpPipeline;
import dev.fnguard.azure.internal.AzureIds;
import dev.fnguard.azure.internal.BlobNames;
import dev.fnguard.azure.internal.FunctionLocator;
import dev.fnguard.azure.internal.FunctionPlans;
import dev.fnguard.azure.internal.HttpFunctionType;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard for Azure HTTP functions, called once inside the function, because the worker does not
 * show HTTP requests to middleware:
 *
 * <pre>{@code
 * @FunctionName("OrdersHttp")
 * @Guarded(limits = @Limits(maxBodyBytes = 16 * 1024), http = @Http(methods = "POST"))
 * public HttpResponseMessage run(
 *         @HttpTrigger(name = "req", methods = HttpMethod.POST, authLevel = AuthorizationLevel.FUNCTION)
 *         HttpRequestMessage<Optional<String>> request, ExecutionContext context) {
 *     return AzureGuard.http(request, context, this::createOrder);
 * }
 *
 * HttpReply<OrderCreated> createOrder(OrderRequest order, GuardContext ctx) { ... }
 * }</pre>
 *
 * <p>The policy comes from {@code @Guarded} on the function method (the {@code @FunctionName} method
 * of the class that declares {@code createOrder}) or on that class, completed by {@code FNGUARD_*}
 * variables; the payload class is {@code createOrder}'s first parameter. Both are read once per
 * function, at its first request, and cached. The answer is the same as on Lambda: the user's reply
 * with security headers, or a problem document (400, 403, 405, 413, 415, 500) with them; one audit
 * event per request.
 *
 * <p>The static {@link #http} uses one process-wide instance with the process environment and the
 * SLF4J audit sink (a cache of immutable compiled plans, like the worker's own per-function caches);
 * {@link #create} gives an instance with other options, for tests and other hosts.
 */
public final class AzureGuard {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    private final GuardOptions options;
    private final Map<String, AzureHttpPipeline> pipelines = new ConcurrentHashMap<>();

    private AzureGuard(GuardOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Holder of the process-wide instance, created at first use. */
    private static final class Shared {
        static final AzureGuard INSTANCE = new AzureGuard(GuardOptions.defaults());
    }

    /**
     * The process-wide instance that {@link #http} uses: process environment, SLF4J audit sink.
     *
     * @return the instance
     */
    public static AzureGuard shared() {
        return Shared.INSTANCE;
    }

    /**
     * Checks the name of the blob that triggered the function, which the worker does not show to
     * middleware: call it first thing in a blob function, with the {@code {name}} of the trigger path.
     * A name with traversal ({@code ../}, encoded or double-encoded, backslashes), an absolute path, a
     * NUL or a control character throws {@link EventDeniedException} with reason {@code OBJECT_KEY};
     * {@link GuardMiddleware} records that as the invocation's denial (one audit event) and drops the
     * blob instead of letting the host retry it.
     *
     * <pre>{@code
     * public void run(@BlobTrigger(name = "content", path = "uploads/{name}", dataType = "string") String content,
     *                 @BindingName("name") String name, ExecutionContext context) {
     *     String safeName = AzureGuard.blobName(name, context);
     * }</pre>
     *
     * @param name the blob name, without the container
     * @param context the execution context
     * @return the name, when it is safe
     * @throws EventDeniedException when it is not
     */
    public static String blobName(String name, ExecutionContext context) {
        if (!BlobNames.isSafe(name)) {
            throw new EventDeniedException(Reason.OBJECT_KEY, AzureIds.invocationId(context));
        }
        return name;
    }

    /**
     * An instance with explicit options.
     *
     * @param options environment, audit sink and clock
     * @return the instance
     */
    public static AzureGuard create(GuardOptions options) {
        return new AzureGuard(options);
    }

    /**
     * Guards one HTTP request with the process-wide instance.
     *
     * @param request the request; declare it {@code HttpRequestMessage<Optional<String>>} (or with a
     *     {@code String} or {@code byte[]} body), so that the guard sees the raw body
     * @param context the execution context
     * @param function the code to run for an allowed request, usually {@code this::someMethod}
     * @param <I> payload type
     * @param <O> reply body type
     * @return the response to return from the function
     */
    public static <I, O> HttpResponseMessage http(HttpRequestMessage<?> request, ExecutionContext context,
            HttpFunction<I, O> function) {
        return Shared.INSTANCE.handle(request, context, function);
    }

    /**
     * Guards one HTTP request.
     *
     * @param request the request
     * @param context the execution context
     * @param function the code to run for an allowed request
     * @param <I> payload type
     * @param <O> reply body type
     * @return the response
     */
    public <I, O> HttpResponseMessage handle(HttpRequestMessage<?> request, ExecutionContext context,
            HttpFunction<I, O> function) {
        String name = AzureIds.functionName(context);
        AzureHttpPipeline pipeline = pipelines.computeIfAbsent(name, n -> compile(n, function));
        return pipeline.handle(request, context, function);
    }

    private AzureHttpPipeline compile(String functionName, HttpFunction<?, ?> function) {
        try {
            return compileOrThrow(functionName, function);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("fnguard cannot guard HTTP function {}, every request is refused: {}", functionName,
                    e.getMessage());
            return AzureHttpPipeline.refusing(Guard.builder(Policy.defaults(), Void.class)
                    .auditSink(options.auditSink())
                    .clock(options.clock())
                    .build());
        }
    }

    private AzureHttpPipeline compileOrThrow(String functionName, HttpFunction<?, ?> function) {
        HttpFunctionType type = HttpFunctionType.of(function);
        Optional<Method> method = FunctionLocator.byFunctionName(type.declaringClass(), functionName, null);
        Guarded guarded = method.map(FunctionPlans::guardedOf)
                .orElse(type.declaringClass().getAnnotation(Guarded.class));
        if (guarded == null) {
            LOG.warn("fnguard: HTTP function {} calls AzureGuard.http but has no @Guarded on its method or on {}: "
                    + "default policy", functionName, type.declaringClass().getName());
        }
        Policy policy = (guarded == null ? Policy.defaults() : Policy.of(guarded)).withEnvironment(options.environment());
        Guard guard = Guard.builder(policy, type.payloadType())
                .auditSink(options.auditSink())
                .clock(options.clock())
                .build();
        LOG.info("fnguard: HTTP function {} guarded in the function (payload {})", functionName,
                type.payloadType().getSimpleName());
        return new AzureHttpPipeline(guard, type.payloadType());
    }
}
