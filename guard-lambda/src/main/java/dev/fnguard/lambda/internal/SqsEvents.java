package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.fnguard.EventRecord;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.internal.SourceCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps SQS events (standard and FIFO) with AWS's serializer, and writes {@code SQSBatchResponse}. */
public final class SqsEvents {

    private static final PojoSerializer<SQSEvent> IN = AwsSerialization.serializerFor(SQSEvent.class);
    private static final PojoSerializer<SQSBatchResponse> OUT = AwsSerialization.serializerFor(SQSBatchResponse.class);

    /** The source of unreadable SQS events in audit events. */
    public static final Source UNREADABLE = Source.of(SourceKind.QUEUE, "sqs", null);

    private SqsEvents() {
    }

    /**
     * Maps an SQS event.
     *
     * @param bytes the event
     * @param ctx the Lambda context, may be null
     * @param fn the function name
     * @return the batch
     */
    public static BatchEvent map(byte[] bytes, Context ctx, String fn) {
        SQSEvent event = IN.fromJson(new ByteArrayInputStream(bytes));
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
            throw new IllegalArgumentException("not an SQS event");
        }
        List<SQSEvent.SQSMessage> messages = event.getRecords();
        List<EventRecord> records = new ArrayList<>(messages.size());
        String[] keys = new String[messages.size()];
        String[] ids = new String[messages.size()];
        String first = null;
        for (int i = 0; i < messages.size(); i++) {
            SQSEvent.SQSMessage m = messages.get(i);
            if (!"aws:sqs".equals(m.getEventSource())) {
                throw new IllegalArgumentException("record is not from SQS");
            }
            String id = m.getMessageId() == null ? "#" + i : m.getMessageId();
            Map<String, String> attrs = new HashMap<>();
            Map<String, String> sys = m.getAttributes() == null ? Map.of() : m.getAttributes();
            sys.forEach((k, v) -> {
                if (k != null && v != null) {
                    attrs.put(k, v);
                }
            });
            if (m.getMessageAttributes() != null) {
                m.getMessageAttributes().forEach((k, v) -> {
                    if (k != null && v != null && v.getStringValue() != null) {
                        attrs.put("attr." + k, v.getStringValue());
                    }
                });
            }
            if (m.getEventSourceArn() != null) {
                attrs.put(SourceCheck.ATTR_SOURCE, m.getEventSourceArn());
                SourceCheck.putRegionAndAccount(attrs, m.getEventSourceArn());
                if (first == null) {
                    first = m.getEventSourceArn();
                }
            }
            attrs.put(SourceCheck.ATTR_FAMILY, "arn:aws:sqs");
            attrs.put(SourceCheck.ATTR_RECEIVE_COUNT, sys.getOrDefault("ApproximateReceiveCount", "1"));
            keys[i] = sys.get("MessageGroupId");
            ids[i] = id;
            String body = m.getBody();
            records.add(body == null ? EventRecord.undecodable(id, Reason.EMPTY_BODY, attrs)
                    : new EventRecord(id, body.getBytes(StandardCharsets.UTF_8), attrs));
        }
        Invocation inv = Invocation.builder()
                .requestId(LambdaContexts.requestId(ctx))
                .functionName(fn)
                .source(Source.of(SourceKind.QUEUE, first != null && first.endsWith(".fifo") ? "sqs-fifo" : "sqs", first))
                .records(records)
                .remainingMillis(LambdaContexts.remainingMillis(ctx))
                .eventBytes(bytes.length)
                .build();
        return new BatchEvent(inv, keys, ids);
    }

    /**
     * Writes an {@code SQSBatchResponse}.
     *
     * @param failedIds the failed message ids
     * @param out the stream
     * @throws IOException when writing fails
     */
    public static void answer(List<String> failedIds, OutputStream out) throws IOException {
        List<SQSBatchResponse.BatchItemFailure> items = new ArrayList<>(failedIds.size());
        for (String id : failedIds) {
            items.add(new SQSBatchResponse.BatchItemFailure(id));
        }
        OUT.toJson(new SQSBatchResponse(items), out);
    }
}
