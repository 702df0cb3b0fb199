package dev.fnguard.examples.drill.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.internal.spi.middleware.Middleware;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareChain;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Java worker, in process, for one function class: the middlewares in order (onion-style), then
 * the function, with arguments resolved as the worker does (the middleware's value first, else the
 * host's, a JSON string bound to the declared type).
 */
public final class AzureWorker {

    private static final ObjectMapper HOST_BINDER = new ObjectMapper();

    private final List<Middleware> middlewares;
    private final Supplier<Object> instances;
    private final Class<?> functionClass;

    /**
     * Creates the worker.
     *
     * @param middlewares the middlewares, shared by every invocation
     * @param functionClass the class holding the functions
     * @param instances creates an instance per invocation, as the worker does without an injector
     */
    public AzureWorker(List<Middleware> middlewares, Class<?> functionClass, Supplier<Object> instances) {
        this.middlewares = List.copyOf(middlewares);
        this.functionClass = functionClass;
        this.instances = instances;
    }

    /**
     * Invokes a function.
     *
     * @param functionName the function's name
     * @param hostValues binding name to what the host sent
     * @return the invocation, with its return value
     * @throws Exception what the chain throws
     */
    public AzureInvocation invoke(String functionName, Map<String, Object> hostValues) throws Exception {
        Method method = null;
        for (Method m : functionClass.getMethods()) {
            FunctionName fn = m.getAnnotation(FunctionName.class);
            if (fn != null && fn.value().equals(functionName)) {
                method = m;
            }
        }
        if (method == null) {
            throw new IllegalArgumentException("no function " + functionName + " in " + functionClass.getName());
        }
        AzureInvocation invocation = new AzureInvocation(functionName, method, hostValues);
        Iterator<Middleware> it = middlewares.iterator();
        MiddlewareChain chain = new MiddlewareChain() {
            @Override
            public void doNext(MiddlewareContext context) throws Exception {
                if (it.hasNext()) {
                    it.next().invoke(context, this);
                } else {
                    execute((AzureInvocation) context);
                }
            }
        };
        chain.doNext(invocation);
        return invocation;
    }

    private void execute(AzureInvocation invocation) throws Exception {
        Method m = invocation.method();
        Parameter[] params = m.getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            if (ExecutionContext.class.isAssignableFrom(params[i].getType())) {
                args[i] = invocation;
                continue;
            }
            String name = AzureInvocation.bindingName(params[i]);
            Object v = invocation.argument(name);
            if (v instanceof String s && params[i].getType() != String.class && !invocation.replaced(name)) {
                v = HOST_BINDER.readValue(s, HOST_BINDER.constructType(params[i].getParameterizedType()));
            }
            args[i] = v;
        }
        try {
            Object result = m.invoke(instances.get(), args);
            if (m.getReturnType() != void.class) {
                invocation.updateReturnValue(result);
            }
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
