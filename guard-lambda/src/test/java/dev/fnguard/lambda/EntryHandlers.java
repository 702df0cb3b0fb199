package dev.fnguard.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fnguard.Guarded;
import dev.fnguard.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plain, unchanged Lambda handlers as their authors wrote them, knowing nothing of fnguard, for the
 * drop-in entry point tests. What they saw is recorded in {@link #SEEN} (tests clear it).
 */
public final class EntryHandlers {

    /** What the handlers saw, in call order. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private EntryHandlers() {
    }

    /** An HTTP API handler; a body of {@code boom} makes it throw. */
    public static final class Greeter implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            SEEN.add(event.getRawPath() + " " + event.getBody());
            if ("boom".equals(event.getBody())) {
                throw new IllegalStateException("database password is hunter2");
            }
            return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                    .withHeaders(Map.of("Content-Type", "text/plain", "X-Frame-Options", "SAMEORIGIN", "X-Trace", "t1"))
                    .withBody("hello " + event.getBody()).build();
        }
    }

    /** An SQS consumer without partial batch responses; a body of {@code boom} makes it throw. */
    public static final class QueueConsumer implements RequestHandler<SQSEvent, Void> {
        @Override
        public Void handleRequest(SQSEvent event, Context context) {
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                SEEN.add(m.getMessageId());
                if ("boom".equals(m.getBody())) {
                    throw new IllegalStateException("downstream refused");
                }
            }
            return null;
        }
    }

    /** An SQS consumer with partial batch responses: it fails the messages whose body is {@code fail-me}. */
    public static final class BatchConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                SEEN.add(m.getMessageId());
                if ("fail-me".equals(m.getBody())) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        }
    }

    /** A stream handler: records the bytes it got and answers a fixed JSON object. */
    public static final class Streamer implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            SEEN.add(new String(input.readAllBytes(), StandardCharsets.UTF_8));
            output.write("{\"done\":true}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A handler taking the event as a map, as many hand-written handlers do. */
    public static final class MapHandler implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            SEEN.add(event.getClass().getSimpleName() + " " + new TreeSet<>(event.keySet()));
            if (event.containsKey("boom")) {
                throw new IllegalStateException("failed");
            }
            return "keys " + event.size();
        }
    }

    /** A raw {@code RequestHandler}: the runtime passes the event as a map. */
    @SuppressWarnings("rawtypes")
    public static final class RawHandler implements RequestHandler {
        @Override
        public Object handleRequest(Object event, Context context) {
            SEEN.add(event.getClass().getSimpleName());
            return Map.of("ok", true);
        }
    }

    /** A generic base class, as frameworks write them. */
    public abstract static class Base<T> implements RequestHandler<T, String> {
        @Override
        public String handleRequest(T event, Context context) {
            SEEN.add(event.getClass().getSimpleName());
            return "ok";
        }
    }

    /** Takes {@code SQSEvent} through {@link Base}. */
    public static final class ViaBase extends Base<SQSEvent> {
    }

    /** An annotated handler: its policy comes from {@code @Guarded}. */
    @Guarded(sources = @Sources(allowed = "arn:aws:sqs:us-east-2:123456789012:my-queue"))
    public static final class AnnotatedConsumer implements RequestHandler<SQSEvent, Void> {
        @Override
        public Void handleRequest(SQSEvent event, Context context) {
            event.getRecords().forEach(m -> SEEN.add(m.getMessageId()));
            return null;
        }
    }

    /** An annotated HTTP handler with detection: headers, query and path are inspected. */
    @Guarded(detect = @dev.fnguard.detect.Detect(dev.fnguard.detect.Detector.SQL))
    public static final class DetectingStreamer implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            SEEN.add("called");
            output.write("{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Takes an AWS event kind the entry point has no row for. */
    public static final class CustomResource
            implements RequestHandler<com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent,
            String> {
        @Override
        public String handleRequest(com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent e,
                Context context) {
            return "ok";
        }
    }

    /** Not a handler at all. */
    public static final class NotAHandler {
    }

    /** A handler the runtime could not create either. */
    public static final class NoDefaultConstructor implements RequestStreamHandler {
        /** @param name anything */
        public NoDefaultConstructor(String name) {
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
        }
    }

    /** A Kinesis consumer with partial batch responses: it fails a record whose data is {@code fail-me}. */
    public static final class ClickConsumer implements RequestHandler<KinesisEvent, StreamsEventResponse> {
        @Override
        public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
            List<StreamsEventResponse.BatchItemFailure> failed = new ArrayList<>();
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                String data = StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString();
                SEEN.add(r.getKinesis().getSequenceNumber());
                if ("fail-me".equals(data)) {
                    failed.add(new StreamsEventResponse.BatchItemFailure(r.getKinesis().getSequenceNumber()));
                }
            }
            return new StreamsEventResponse(failed);
        }
    }

    /** A DynamoDB Streams consumer without partial batch responses. */
    public static final class TableConsumer implements RequestHandler<DynamodbEvent, Void> {
        @Override
        public Void handleRequest(DynamodbEvent event, Context context) {
            event.getRecords().forEach(r -> SEEN.add(r.getDynamodb().getSequenceNumber()));
            return null;
        }
    }

    /** An SNS subscriber. */
    public static final class TopicSubscriber implements RequestHandler<SNSEvent, Void> {
        @Override
        public Void handleRequest(SNSEvent event, Context context) {
            event.getRecords().forEach(r -> SEEN.add(r.getSNS().getMessageId()));
            return null;
        }
    }

    /** An EventBridge target (rules and schedules). */
    public static final class RuleTarget implements RequestHandler<ScheduledEvent, Void> {
        @Override
        public Void handleRequest(ScheduledEvent event, Context context) {
            SEEN.add(event.getSource() + " " + event.getDetailType());
            return null;
        }
    }
}
