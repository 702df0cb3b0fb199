package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * The unchanged handler the drop-in entry point guards, loaded once at init from
 * {@code FNGUARD_HANDLER} and called as the Lambda runtime would call it: a
 * {@code RequestStreamHandler} gets the event bytes, a {@code RequestHandler<I, O>} gets the event
 * deserialized into {@code I} with AWS's serialization (a raw {@code RequestHandler} or {@code Object}
 * gets a {@code Map}, as from the runtime) and its answer is serialized from {@code O} the same way.
 * Types and serializers are resolved here, once; a call reflects nothing.
 */
final class UserHandler {

    /** The environment variable naming the handler class. */
    static final String ENV_HANDLER = "FNGUARD_HANDLER";

    private final Class<?> type;
    private final RequestStreamHandler stream;
    private final RequestHandler<Object, Object> typed;
    private final Class<?> inputClass;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;

    @SuppressWarnings("unchecked")
    private UserHandler(Class<?> type, Object instance) {
        this.type = type;
        if (instance instanceof RequestHandler<?, ?> h) {
            // the runtime prefers RequestHandler when a class implements both; so do we
            Type[] io = HandlerTypes.arguments(type, RequestHandler.class);
            this.typed = (RequestHandler<Object, Object>) h;
            this.stream = null;
            this.inputClass = HandlerTypes.rawClass(io[0]);
            this.input = AwsSerialization.serializerFor(io[0]);
            this.output = AwsSerialization.serializerFor(io[1]);
        } else {
            this.typed = null;
            this.stream = (RequestStreamHandler) instance;
            this.inputClass = null;
            this.input = null;
            this.output = null;
        }
    }

    /**
     * Loads, checks and instantiates the handler class.
     *
     * @param className the value of {@value #ENV_HANDLER}, may be null
     * @return the handler
     * @throws IllegalStateException naming {@value #ENV_HANDLER} when it is missing, cannot be loaded,
     *     is not a handler, or cannot be instantiated
     */
    static UserHandler load(String className) {
        Class<?> type = loadClass(className);
        return new UserHandler(type, instantiate(type));
    }

    /**
     * Loads and checks the handler class, without instantiating it.
     *
     * @param className the value of {@value #ENV_HANDLER}, may be null
     * @return the class
     */
    static Class<?> loadClass(String className) {
        if (className == null || className.isBlank()) {
            throw new IllegalStateException(ENV_HANDLER + " is not set: name the fully qualified class of the "
                    + "RequestHandler or RequestStreamHandler that GuardedEntryPoint guards");
        }
        String name = className.strip();
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type = Class.forName(name, false, loader != null ? loader : UserHandler.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(ENV_HANDLER + " names " + name + ", which cannot be loaded ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (!RequestHandler.class.isAssignableFrom(type) && !RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new IllegalStateException(ENV_HANDLER + " names " + name
                    + ", which implements neither RequestHandler nor RequestStreamHandler");
        }
        if (type.getName().startsWith("dev.fnguard.lambda.GuardedEntryPoint")) {
            throw new IllegalStateException(ENV_HANDLER + " names GuardedEntryPoint itself: name the handler to guard");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalStateException(ENV_HANDLER + " names " + name
                    + ", which is not a public concrete class");
        }
        return type;
    }

    private static Object instantiate(Class<?> type) {
        Constructor<?> ctor;
        try {
            ctor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(ENV_HANDLER + " names " + type.getName()
                    + ", which has no public no-argument constructor");
        }
        try {
            return ctor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(ENV_HANDLER + ": the constructor of " + type.getName() + " threw "
                    + e.getCause().getClass().getName(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException(ENV_HANDLER + ": " + type.getName() + " cannot be instantiated ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** @return the handler's class */
    Class<?> type() {
        return type;
    }

    /** @return the class a {@code RequestHandler} declares as input; empty for a stream handler */
    Optional<Class<?>> inputClass() {
        return Optional.ofNullable(inputClass);
    }

    /**
     * Calls the handler with an event, as the runtime would.
     *
     * @param event the event bytes (only what the guard allowed)
     * @param context the Lambda context, may be null
     * @return the bytes of the handler's answer
     * @throws Exception whatever the handler (or the deserialization of its input) threw
     */
    byte[] call(byte[] event, Context context) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        if (stream != null) {
            stream.handleRequest(new ByteArrayInputStream(event), out, context);
            return out.toByteArray();
        }
        Object in = input.fromJson(new ByteArrayInputStream(event));
        Object result = typed.handleRequest(in, context);
        output.toJson(result, out);
        return out.toByteArray();
    }
}
