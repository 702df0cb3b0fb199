package dev.fnguard.examples.drill.azure;

import com.microsoft.azure.functions.TraceContext;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One invocation's {@link MiddlewareContext}, with the Java worker's contract (see the
 * guard-azure-functions README): parameter names from the trigger annotations, values only for input
 * that arrived as a string (an HTTP request is not one), middleware values override the host's, and
 * the return value goes back to the host.
 */
public final class AzureInvocation implements MiddlewareContext {

    /** The functions' own log (ExecutionContext.getLogger), kept out of the drill's table. */
    private static final Logger FUNCTION_LOG = quiet();

    private final String invocationId = UUID.randomUUID().toString();
    private final String traceId = UUID.randomUUID().toString().replace("-", "");
    private final String functionName;
    private final Method method;
    private final Map<String, Parameter> definitions = new LinkedHashMap<>();
    private final Map<String, Object> hostValues;
    private final Map<String, Object> middlewareValues = new HashMap<>();
    private Object returnValue;

    /**
     * Creates the context.
     *
     * @param functionName the function's name
     * @param method the function's method
     * @param hostValues binding name to what the host sent
     */
    public AzureInvocation(String functionName, Method method, Map<String, Object> hostValues) {
        this.functionName = functionName;
        this.method = method;
        for (Parameter p : method.getParameters()) {
            String name = bindingName(p);
            if (name != null) {
                definitions.put(name, p);
            }
        }
        this.hostValues = Map.copyOf(hostValues);
    }

    static String bindingName(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            try {
                Method name = a.annotationType().getMethod("name");
                if (name.getReturnType() == String.class) {
                    return (String) name.invoke(a);
                }
            } catch (ReflectiveOperationException e) {
                // not a binding annotation
            }
        }
        return null;
    }

    /** @return the function method */
    public Method method() {
        return method;
    }

    /**
     * The argument the worker would pass for a binding: the middleware's value, else the host's.
     *
     * @param name the binding name
     * @return the value
     */
    public Object argument(String name) {
        return middlewareValues.containsKey(name) ? middlewareValues.get(name) : hostValues.get(name);
    }

    /**
     * Whether a middleware replaced a binding's value.
     *
     * @param name the binding name
     * @return true when replaced
     */
    public boolean replaced(String name) {
        return middlewareValues.containsKey(name);
    }

    @Override
    public String getParameterName(String annotationSimpleClassName) {
        for (Map.Entry<String, Parameter> e : definitions.entrySet()) {
            for (Annotation a : e.getValue().getAnnotations()) {
                if (a.annotationType().getSimpleName().equals(annotationSimpleClassName)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    @Override
    public Object getParameterValue(String name) {
        Object v = hostValues.get(name);
        return v instanceof String ? v : null;
    }

    @Override
    public void updateParameterValue(String name, Object value) {
        middlewareValues.put(name, value);
    }

    @Override
    public Object getReturnValue() {
        return returnValue;
    }

    @Override
    public void updateReturnValue(Object value) {
        this.returnValue = value;
    }

    private static Logger quiet() {
        Logger log = Logger.getLogger("dev.fnguard.examples.drill.azure.functions");
        log.setUseParentHandlers(false);
        return log;
    }

    @Override
    public Logger getLogger() {
        return FUNCTION_LOG;
    }

    @Override
    public String getInvocationId() {
        return invocationId;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public TraceContext getTraceContext() {
        String parent = "00-" + traceId + "-00f067aa0ba902b7-01";
        return new TraceContext() {
            @Override
            public String getTraceparent() {
                return parent;
            }

            @Override
            public String getTracestate() {
                return "";
            }

            @Override
            public Map<String, String> getAttributes() {
                return Map.of();
            }
        };
    }
}
