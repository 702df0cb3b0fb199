package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

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
}
