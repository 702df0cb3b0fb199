package dev.fnguard.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.annotation.FunctionName;
import dev.fnguard.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Java method behind a function name, for the middleware, which the worker tells only the
 * name. Called once per function (the middleware caches the result).
 *
 * <p>Where it looks, in order: the {@code function.json} the Azure Functions Maven plugin writes for
 * each function ({@code <script root>/<function>/function.json}, its {@code entryPoint} is
 * {@code com.example.Class.method}; the script root is {@code AzureWebJobsScriptRoot}, else the
 * working directory, which is where the worker runs); then the classes listed in
 * {@code FNGUARD_AZURE_FUNCTION_CLASSES}, searched for a method annotated
 * {@code @FunctionName("<function>")}.
 */
public final class FunctionLocator {

    /** Environment variable: comma-separated classes holding {@code @FunctionName} methods. */
    public static final String ENV_CLASSES = "FNGUARD_AZURE_FUNCTION_CLASSES";
    /** The worker's environment variable naming the function app's root. */
    public static final String ENV_SCRIPT_ROOT = "AzureWebJobsScriptRoot";

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    private final Path scriptRoot;
    private final List<String> classes;
    private final ClassLoader loader;

    /**
     * Creates a locator.
     *
     * @param env the environment
     * @param loader where function classes are loaded from (the function app's class loader)
     */
    public FunctionLocator(Map<String, String> env, ClassLoader loader) {
        String root = env.get(ENV_SCRIPT_ROOT);
        this.scriptRoot = Path.of(root == null || root.isBlank() ? "." : root.strip());
        List<String> names = new ArrayList<>();
        String list = env.get(ENV_CLASSES);
        if (list != null) {
            for (String s : list.split(",")) {
                if (!s.isBlank()) {
                    names.add(s.strip());
                }
            }
        }
        this.classes = List.copyOf(names);
        this.loader = loader;
    }

    /**
     * The method of a function.
     *
     * @param functionName the name the worker gives ({@code ExecutionContext.getFunctionName()})
     * @return the method, empty when it cannot be found
     */
    public Optional<Method> locate(String functionName) {
        Optional<Method> fromJson = fromFunctionJson(functionName);
        if (fromJson.isPresent()) {
            return fromJson;
        }
        for (String className : classes) {
            Optional<Method> m = load(className).flatMap(c -> byFunctionName(c, functionName, null));
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private Optional<Method> fromFunctionJson(String functionName) {
        if (functionName.isEmpty() || functionName.contains("/") || functionName.contains("\\")
                || functionName.contains("..")) {
            return Optional.empty();
        }
        Path file = scriptRoot.resolve(functionName).resolve("function.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode entry;
        try (InputStream in = Files.newInputStream(file)) {
            entry = Json.STRICT.readTree(in).path("entryPoint");
        } catch (IOException | RuntimeException e) {
            LOG.warn("fnguard could not read {}: {}", file, e.getClass().getName());
            return Optional.empty();
        }
        String entryPoint = entry.asText("");
        int dot = entryPoint.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String methodName = entryPoint.substring(dot + 1);
        return load(entryPoint.substring(0, dot)).flatMap(c -> byFunctionName(c, functionName, methodName));
    }

    private Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null && context != loader) {
                try {
                    return Optional.of(Class.forName(className, false, context));
                } catch (ClassNotFoundException | LinkageError e2) {
                    // fall through
                }
            }
            LOG.warn("fnguard could not load function class {}: {}", className, e.getClass().getName());
            return Optional.empty();
        }
    }

    /**
     * The public method of a class annotated {@code @FunctionName(functionName)}.
     *
     * @param type the class
     * @param functionName the function name
     * @param methodName the method's name when known, else null
     * @return the method
     */
    public static Optional<Method> byFunctionName(Class<?> type, String functionName, String methodName) {
        for (Method m : type.getMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || (methodName != null && !m.getName().equals(methodName))) {
                continue;
            }
            FunctionName fn = m.getAnnotation(FunctionName.class);
            if (fn != null && fn.value().equals(functionName)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
