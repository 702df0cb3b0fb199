package dev.fnguard.azure;

import com.microsoft.azure.functions.internal.spi.middleware.Middleware;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareChain;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.azure.internal.AzureIds;
import dev.fnguard.azure.internal.FunctionLocator;
import dev.fnguard.azure.internal.FunctionPlans;
import dev.fnguard.internal.BeanValidation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drop-in guard for Azure Functions: a worker middleware, registered in
 * {@code META-INF/services/com.microsoft.azure.functions.internal.spi.middleware.Middleware}, so that
 * adding {@code guard-azure-functions} to a function app is all it takes.
 *
 * <p>The Java worker loads it once with {@link java.util.ServiceLoader} and calls this one instance
 * for every invocation of every function, concurrently. For each function, at its first invocation,
 * it finds the method behind the function name, reads {@code @Guarded} from the method or its class,
 * and compiles a plan; later invocations only look the plan up. A function without {@code @Guarded}
 * passes untouched (logged once). An HTTP function is guarded inside the function by
 * {@link AzureGuard#http}, because the worker does not show HTTP requests to middleware. A function
 * with a string trigger (Queue Storage, Service Bus, string blob, Event Hubs, IoT Hub) is guarded
 * here: see the module README for what happens to denied messages.
 */
public final class GuardMiddleware implements Middleware {

    private final FunctionPlans plans;
    private final Map<String, FunctionPlans.Plan> byFunction = new ConcurrentHashMap<>();

    /** The constructor {@link java.util.ServiceLoader} calls: process environment, SLF4J audit sink. */
    public GuardMiddleware() {
        this(GuardOptions.defaults());
    }

    /**
     * A middleware with explicit options (tests, other hosts).
     *
     * @param options environment, audit sink and clock
     */
    public GuardMiddleware(GuardOptions options) {
        // the worker creates the middleware when it loads the first function, before any invocation:
        // start the validator's bootstrap now so that the first guarded invocation does not wait for it
        BeanValidation.startBootstrap();
        this.plans = new FunctionPlans(options,
                new FunctionLocator(options.environment(), GuardMiddleware.class.getClassLoader()));
    }

    @Override
    public void invoke(MiddlewareContext context, MiddlewareChain chain) throws Exception {
        String function = AzureIds.functionName(context);
        FunctionPlans.Plan plan = byFunction.computeIfAbsent(function, plans::compile);
        plan.run(context, chain);
    }
}
