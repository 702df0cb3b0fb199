package dev.fnguard.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareChain;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareContext;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Invocation;
import dev.fnguard.Outcome;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.Verdict;
import dev.fnguard.azure.EventDeniedException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles what the middleware does for one function, once, at the function's first invocation:
 * pass it untouched, leave it to {@code AzureGuard.http} inside the function, or guard its trigger.
 */
public final class FunctionPlans {

    /** Environment variable: {@code fail} (default) or {@code drop}, for denied Queue Storage and Service Bus messages. */
    public static final String ENV_ON_DENY = "FNGUARD_AZURE_ON_DENY";

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    /** What the middleware does with one invocation of a function. */
    @FunctionalInterface
    public interface Plan {
        /**
         * Runs the invocation.
         *
         * @param context the worker's context
         * @param chain the rest of the chain
         * @throws Exception from the function, or a denial
         */
        void run(MiddlewareContext context, MiddlewareChain chain) throws Exception;
    }

    /** Untouched: straight to the next middleware or the function. */
    public static final Plan PASS = (context, chain) -> chain.doNext(context);

    private final GuardOptions options;
    private final FunctionLocator locator;

    /**
     * Creates the compiler.
     *
     * @param options environment, audit sink and clock
     * @param locator finds a function's method
     */
    public FunctionPlans(GuardOptions options, FunctionLocator locator) {
        this.options = options;
        this.locator = locator;
    }

    static boolean onDeny(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "fail":
                return true;
            case "drop":
                return false;
            default:
                throw new IllegalArgumentException(ENV_ON_DENY + " must be 'fail' or 'drop', was '" + value + "'");
        }
    }

    /**
     * Compiles the plan of a function. Never throws: a function that is guarded but cannot be
     * compiled gets a plan that refuses every invocation, audited (fail closed).
     *
     * @param functionName the function's name
     * @return the plan
     */
    public Plan compile(String functionName) {
        try {
            Optional<Method> found = locator.locate(functionName);
            if (found.isEmpty()) {
                LOG.warn("fnguard: no method found for function {} (no function.json entry point, not in {}): "
                        + "it passes the middleware untouched", functionName, FunctionLocator.ENV_CLASSES);
                return PASS;
            }
            Method method = found.get();
            Guarded guarded = guardedOf(method);
            if (guarded == null) {
                LOG.info("fnguard: function {} ({}.{}) has no @Guarded: it passes untouched", functionName,
                        method.getDeclaringClass().getName(), method.getName());
                return PASS;
            }
            Optional<TriggerBinding> binding = TriggerBindings.find(method, options.environment());
            if (binding.isEmpty()) {
                LOG.info("fnguard: function {} has no trigger the middleware reads (timer, Cosmos DB, ...): "
                        + "it passes untouched", functionName);
                return PASS;
            }
            TriggerBinding b = binding.get();
            if (b.many()) {
                LOG.info("fnguard: batch function {} is guarded inside the function by AzureGuard.messages "
                        + "(the worker gives batches to middleware as collections it cannot read); the middleware "
                        + "passes it on", functionName);
                return PASS;
            }
            if (b.kind() == TriggerKind.HTTP) {
                LOG.info("fnguard: HTTP function {} is guarded inside the function by AzureGuard.http; "
                        + "the middleware passes it on", functionName);
                return PASS;
            }
            Policy policy = Policy.of(guarded).withEnvironment(options.environment());
            Class<?> payloadType = b.deliversText() ? JsonNode.class : b.elementType();
            Guard guard = Guard.builder(policy, payloadType)
                    .auditSink(options.auditSink())
                    .clock(options.clock())
                    .build();
            // settings are validated here, per function, so that a bad one refuses that function's events
            SourceAllowList allowList = SourceAllowList.parse(options.environment().get(SourceAllowList.ENV));
            boolean failOnDeny = onDeny(options.environment().get(ENV_ON_DENY));
            TriggerPipeline pipeline = new TriggerPipeline(guard, b, allowList, failOnDeny);
            LOG.info("fnguard: function {} guarded by the middleware ({} '{}', source {}, payload {})",
                    functionName, b.kind().type(), b.bindingName(), b.identity().orElse("unnamed"),
                    payloadType.getSimpleName());
            return pipeline::run;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("fnguard cannot guard function {}, every invocation is refused: {}", functionName,
                    e.getMessage());
            return refuseAll();
        }
    }

    /**
     * The {@code @Guarded} of a function: on its method, else on its class.
     *
     * @param method the function method
     * @return the annotation, or null
     */
    public static Guarded guardedOf(Method method) {
        Guarded g = method.getAnnotation(Guarded.class);
        return g != null ? g : method.getDeclaringClass().getAnnotation(Guarded.class);
    }

    private Plan refuseAll() {
        Guard guard = Guard.builder(Policy.defaults(), Void.class)
                .auditSink(options.auditSink())
                .clock(options.clock())
                .build();
        return (context, chain) -> {
            Invocation inv = Invocation.builder()
                    .requestId(AzureIds.invocationId(context))
                    .traceId(AzureIds.traceId(context))
                    .functionName(AzureIds.functionName(context))
                    .source(Source.of(SourceKind.UNKNOWN, "azure", null))
                    .records(java.util.List.of())
                    .build();
            guard.complete(guard.refuse(inv, Verdict.deny(Reason.INTERNAL)), Outcome.SKIPPED, 0, Optional.empty());
            throw new EventDeniedException(Reason.INTERNAL, inv.requestId());
        };
    }

    /** @return the environment the plans read */
    public Map<String, String> environment() {
        return options.environment();
    }
}
