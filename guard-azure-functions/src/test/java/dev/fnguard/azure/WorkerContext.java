package dev.fnguard.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MiddlewareContext} that mirrors the Java worker's ({@code ExecutionContextDataSource}), as
 * written down in the module README:
 * <ul>
 * <li>{@link #getParameterName} returns the binding name of the first parameter carrying an
 *     annotation with that simple name;</li>
 * <li>{@link #getParameterValue} returns only the input values that arrived as strings, null for
 *     everything else (HTTP requests, collections, bytes);</li>
 * <li>{@link #updateParameterValue} overrides what the function receives for that binding, as is;</li>
 * <li>{@link #updateReturnValue} sets what goes back to the host.</li>
 * </ul>
 * {@link #invokeFunction()} plays the worker's last middleware: it creates the function class (a new
 * instance per invocation, as without a {@code FunctionInstanceInjector}), resolves each argument
 * (the middleware's value first, else the host's, bound by Jackson to the declared type like the
 * worker's own JSON binding), and sets the return value.
 */
public final class WorkerContext extends TestExecutionContext implements MiddlewareContext {

    private static final ObjectMapper WORKER_BINDER = new ObjectMapper();

    private final Method method;
    private final Map<String, Parameter> definitions = new LinkedHashMap<>();
    private final Map<String, Object> hostValues;
    private final Map<String, Object> middlewareValues = new HashMap<>();
    private final Map<String, String> metadata = new HashMap<>();
    private final List<Object> received = new ArrayList<>();
    private Object returnValue;
    private boolean functionRan;

    /**
     * A context for one invocation.
     *
     * @param method the function method
     * @param functionName the function's name
     * @param hostValues binding name to the value the host sent (a String for string data)
     */
    public WorkerContext(Method method, String functionName, Map<String, Object> hostValues) {
        super(functionName);
        this.method = method;
        for (Parameter p : method.getParameters()) {
            String name = bindingName(p);
            if (name != null) {
                definitions.put(name, p);
            }
        }
        this.hostValues = new HashMap<>(hostValues);
    }

    private static String bindingName(Parameter p) {
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

    /**
     * Runs the function as the worker's last middleware does.
     *
     * @throws Exception what the function throws
     */
    public void invokeFunction() throws Exception {
        Object instance = method.getDeclaringClass().getDeclaredConstructor().newInstance();
        Parameter[] params = method.getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            if (ExecutionContext.class.isAssignableFrom(p.getType())) {
                args[i] = this;
                continue;
            }
            com.microsoft.azure.functions.annotation.BindingName byName =
                    p.getAnnotation(com.microsoft.azure.functions.annotation.BindingName.class);
            if (byName != null) {
                args[i] = metadata.get(byName.value());
                continue;
            }
            String name = bindingName(p);
            Object v = middlewareValues.containsKey(name) ? middlewareValues.get(name) : hostValues.get(name);
            if (v instanceof String s && p.getType() != String.class && !middlewareValues.containsKey(name)) {
                v = WORKER_BINDER.readValue(s, WORKER_BINDER.constructType(p.getParameterizedType()));
            }
            args[i] = v;
        }
        functionRan = true;
        try {
            Object result = method.invoke(instance, args);
            if (method.getReturnType() != void.class) {
                updateReturnValue(result);
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /**
     * Sets a value as the host sent it (an HTTP request, for example).
     *
     * @param name the binding name
     * @param value the value
     */
    public void hostValue(String name, Object value) {
        hostValues.put(name, value);
    }

    /**
     * Sets trigger metadata ({@code @BindingName} values such as a blob's {@code name}), which the
     * worker does not show to middleware.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public WorkerContext metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /**
     * Called by test functions: records what they received.
     *
     * @param value the value
     */
    public void received(Object value) {
        received.add(value);
    }

    /** @return what the function received, in order */
    public List<Object> received() {
        return received;
    }

    /** @return whether the function was called */
    public boolean functionRan() {
        return functionRan;
    }
}
