package dev.fnguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.azure.internal.AzureHttpPipeline;
import dev.fnguard.azure.internal.AzureIds;
import dev.fnguard.azure.internal.BatchPipeline;
import dev.fnguard.azure.internal.BlobNames;
import dev.fnguard.azure.internal.FunctionLocator;
import dev.fnguard.azure.internal.FunctionPlans;
import dev.fnguard.azure.internal.HttpFunctionType;
import dev.fnguard.azure.internal.SourceAllowList;
import dev.fnguard.azure.internal.TriggerBinding;
import dev.fnguard.azure.internal.TriggerBindings;
import dev.fnguard.internal.BeanValidation;
import java.lang.reflect.Method;
import java.util.List;
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
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final Map<String, AzureHttpPipeline> pipelines = new ConcurrentHashMap<>();
    private final Map<String, BatchPipeline> batches = new ConcurrentHashMap<>();
    private final FunctionLocator locator;

    private AzureGuard(GuardOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        BeanValidation.startBootstrap();
        this.locator = new FunctionLocator(options.environment(), AzureGuard.class.getClassLoader());
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
     * Checks a batch of messages inside the function, with the process-wide instance: the worker gives
     * batches ({@code cardinality = MANY}) to middleware as collections it cannot read. Each message is
     * checked on its own against the function's {@code @Guarded} policy; only those that pass are
     * returned, bound to {@code type}; one audit event names every denied message's reason.
     *
     * <pre>{@code
     * @FunctionName("Telemetry")
     * public void run(@EventHubTrigger(name = "events", eventHubName = "telemetry", connection = "EventHubs",
     *         cardinality = Cardinality.MANY, dataType = "string") List<String> events, ExecutionContext context) {
     *     for (Reading r : AzureGuard.messages(events, context, Reading.class)) { ... }
     * }
     * }</pre>
     *
     * @param messages the messages as the worker delivered them
     * @param context the execution context
     * @param type the payload class, or {@code String.class} for the original text (after the limits)
     * @param <T> payload type
     * @return the messages that passed, in order
     */
    public static <T> List<T> messages(List<String> messages, ExecutionContext context, Class<T> type) {
        return Shared.INSTANCE.checkMessages(messages, context, type);
    }

    /**
     * Checks a batch of messages; see {@link #messages}.
     *
     * @param messages the messages
     * @param context the execution context
     * @param type the payload class
     * @param <T> payload type
     * @return the messages that passed
     */
    public <T> List<T> checkMessages(List<String> messages, ExecutionContext context, Class<T> type) {
        String name = AzureIds.functionName(context);
        BatchPipeline pipeline = batches.get(name);
        if (pipeline == null) {
            // first call of this function: find who called, once
            Class<?> caller = WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                    .filter(c -> c != AzureGuard.class).findFirst().orElse(AzureGuard.class));
            pipeline = batches.computeIfAbsent(name, n -> compileBatch(n, type, caller));
        }
        return pipeline.check(messages, context, type);
    }

    private BatchPipeline compileBatch(String functionName, Class<?> type, Class<?> caller) {
        try {
            Optional<Method> method = locator.locate(functionName)
                    .or(() -> FunctionLocator.byFunctionName(caller, functionName, null));
            Guarded guarded = method.map(FunctionPlans::guardedOf).orElse(caller.getAnnotation(Guarded.class));
            if (guarded == null) {
                LOG.warn("fnguard: function {} calls AzureGuard.messages but has no @Guarded: default policy",
                        functionName);
            }
            Optional<TriggerBinding> binding = method.flatMap(m -> TriggerBindings.find(m, options.environment()));
            Source source = binding.map(b -> new Source(b.kind().sourceKind(), b.kind().type(), b.identity()))
                    .orElse(Source.of(SourceKind.STREAM, "azure-batch", null));
            boolean allowed = binding.map(b -> SourceAllowList.parse(options.environment().get(SourceAllowList.ENV))
                    .allows(b.kind(), b.identity())).orElse(true);
            Policy policy = (guarded == null ? Policy.defaults() : Policy.of(guarded))
                    .withEnvironment(options.environment());
            Guard guard = Guard.builder(policy, type == String.class ? JsonNode.class : type)
                    .auditSink(options.auditSink())
                    .clock(options.clock())
                    .build();
            LOG.info("fnguard: batch function {} guarded in the function (source {}, payload {})", functionName,
                    source.identity().orElse(source.type()), type.getSimpleName());
            return new BatchPipeline(guard, source, allowed, false);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("fnguard cannot guard batch function {}, every batch is refused: {}", functionName,
                    e.getMessage());
            Guard guard = Guard.builder(Policy.defaults(), Void.class)
                    .auditSink(options.auditSink())
                    .clock(options.clock())
                    .build();
            return new BatchPipeline(guard, Source.of(SourceKind.STREAM, "azure-batch", null), false, true);
        }
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
