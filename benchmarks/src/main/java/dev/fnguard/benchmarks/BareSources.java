package dev.fnguard.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnguard.examples.Payment;
import dev.fnguard.examples.Telemetry;
import dev.fnguard.lambda.S3ObjectNotification;
import dev.fnguard.lambda.internal.AwsSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The baselines of the per-source benchmarks: the work the guarded S3, SQS and IoT handlers do
 * without the guard. AWS's serializer reads the event (the IoT event is plain JSON), a plain Jackson
 * {@code ObjectMapper} binds each body, the same {@link SourceWork} runs per record, and the SQS
 * handler writes an empty {@code SQSBatchResponse}. No source check, limits, validation or audit.
 */
final class BareSources {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private BareSources() {
    }

    /** S3 object notifications: decoded key, size and event name handed to the work. */
    static final class S3 implements RequestStreamHandler {
        private final PojoSerializer<S3Event> in = AwsSerialization.serializerFor(S3Event.class);

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            for (S3EventNotification.S3EventNotificationRecord r : in.fromJson(input).getRecords()) {
                String key = URLDecoder.decode(r.getS3().getObject().getKey(), StandardCharsets.UTF_8);
                SourceWork.object(new S3ObjectNotification(r.getEventName(), r.getS3().getBucket().getName(), key,
                        r.getS3().getObject().getSizeAsLong(), r.getAwsRegion()));
            }
        }
    }

    /** SQS: each body bound to {@link Payment}; answers no failures. */
    static final class Sqs implements RequestStreamHandler {
        private final PojoSerializer<SQSEvent> in = AwsSerialization.serializerFor(SQSEvent.class);
        private final PojoSerializer<SQSBatchResponse> out = AwsSerialization.serializerFor(SQSBatchResponse.class);

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            for (SQSEvent.SQSMessage m : in.fromJson(input).getRecords()) {
                SourceWork.payment(MAPPER.readValue(m.getBody(), Payment.class));
            }
            out.toJson(new SQSBatchResponse(List.of()), output);
        }
    }

    /** IoT: the message bound to {@link Telemetry} (the rule's {@code topic} and {@code clientId} ignored). */
    static final class Iot implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            SourceWork.telemetry(MAPPER.readValue(input, Telemetry.class));
        }
    }
}
