package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.Type;

/**
 * AWS's own serializers, chosen as the Lambda Java runtime chooses them: the event serializers of
 * {@code aws-lambda-java-serialization} for the event classes it supports, its Jackson POJO
 * serializer for the others (HTTP API v2, ALB).
 */
public final class AwsSerialization {

    private AwsSerialization() {
    }

    /**
     * The serializer the Lambda runtime would use for an event or response class.
     *
     * @param type the class
     * @param <T> its type
     * @return the serializer
     */
    public static <T> PojoSerializer<T> serializerFor(Class<T> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, AwsSerialization.class.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /**
     * The serializer the Lambda runtime would use for a handler's declared input or output type, which
     * may be generic ({@code Map<String, Object>}, {@code List<Order>}): an event class gets its event
     * serializer, anything else AWS's Jackson serializer for the full type, as the runtime does.
     *
     * @param type the declared type
     * @return the serializer
     */
    @SuppressWarnings("unchecked")
    public static PojoSerializer<Object> serializerFor(Type type) {
        if (type instanceof Class<?> c) {
            return (PojoSerializer<Object>) serializerFor(c);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
