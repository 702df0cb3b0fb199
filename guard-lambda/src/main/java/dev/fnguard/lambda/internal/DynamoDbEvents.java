package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.fnguard.EventRecord;
import dev.fnguard.Invocation;
import dev.fnguard.LimitSettings;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps DynamoDB Streams events with AWS's serializer: one record per stream record, whose payload
 * is the item image converted to plain JSON under the policy's limits ({@link AttributeValues}):
 * {@code NewImage} for {@code INSERT} and {@code MODIFY}, {@code OldImage} for {@code REMOVE}, the
 * {@code Keys} when the stream carries no image ({@code KEYS_ONLY}, or the other image only).
 *
 * <p>The event names no shard, but Lambda reads a batch from one shard: every record shares one
 * order key, so once a record fails every later record of the batch is reported failed.
 */
public final class DynamoDbEvents {

    private static final PojoSerializer<DynamodbEvent> IN = AwsSerialization.serializerFor(DynamodbEvent.class);

    /** The family of DynamoDB ARNs in allow-lists. */
    public static final String FAMILY = "arn:aws:dynamodb";
    /** The source of unreadable DynamoDB Streams events in audit events. */
    public static final Source UNREADABLE = Source.of(SourceKind.STREAM, "dynamodb-streams", null);
    /** Record attribute: {@code INSERT}, {@code MODIFY} or {@code REMOVE}. */
    public static final String ATTR_EVENT_NAME = "eventName";
    /** Record attribute: the stream record's {@code eventID}. */
    public static final String ATTR_EVENT_ID = "eventID";
    /** Record attribute: the record's sequence number. */
    public static final String ATTR_SEQUENCE_NUMBER = "sequenceNumber";
    /** Record attribute: the item's keys as plain JSON ({@code {"Id":101}}). */
    public static final String ATTR_KEYS = "keys";
    /** Record attribute: the stream view type ({@code NEW_AND_OLD_IMAGES}, {@code KEYS_ONLY}, ...). */
    public static final String ATTR_STREAM_VIEW_TYPE = "streamViewType";

    /** The one order key of a batch: the batch is one shard's. */
    private static final String ONE_SHARD = "shard";

    private final AttributeValues converter;

    /**
     * Compiles the conversion limits of a policy.
     *
     * @param limits the policy's limits
     */
    public DynamoDbEvents(LimitSettings limits) {
        this.converter = new AttributeValues(limits);
    }

    /**
     * Maps a DynamoDB Streams event.
     *
     * @param bytes the event
     * @param ctx the Lambda context, may be null
     * @param fn the function name
     * @return the batch
     */
    public BatchEvent map(byte[] bytes, Context ctx, String fn) {
        DynamodbEvent event = IN.fromJson(new ByteArrayInputStream(bytes));
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
            throw new IllegalArgumentException("not a DynamoDB Streams event");
        }
        List<DynamodbEvent.DynamodbStreamRecord> list = event.getRecords();
        List<EventRecord> records = new ArrayList<>(list.size());
        String[] keys = new String[list.size()];
        String[] ids = new String[list.size()];
        String first = null;
        for (int i = 0; i < list.size(); i++) {
            DynamodbEvent.DynamodbStreamRecord r = list.get(i);
            if (r == null || !"aws:dynamodb".equals(r.getEventSource()) || r.getDynamodb() == null) {
                throw new IllegalArgumentException("record is not from DynamoDB Streams");
            }
            StreamRecord s = r.getDynamodb();
            String seq = s.getSequenceNumber();
            // without a sequence number, an empty itemIdentifier makes Lambda retry the whole batch
            // (fail closed), and the audit names the record by index
            boolean numbered = seq != null && !seq.isEmpty();
            String id = numbered ? seq : "#" + i;
            ids[i] = numbered ? id : "";
            keys[i] = ONE_SHARD;
            Map<String, String> attrs = new HashMap<>();
            StreamEvents.identify(attrs, r.getEventSourceARN(), FAMILY);
            if (first == null && r.getEventSourceARN() != null && !r.getEventSourceARN().isEmpty()) {
                first = r.getEventSourceARN();
            }
            String name = r.getEventName() == null ? "" : r.getEventName();
            attrs.put(ATTR_EVENT_NAME, name);
            attrs.put(ATTR_SEQUENCE_NUMBER, id);
            if (r.getEventID() != null) {
                attrs.put(ATTR_EVENT_ID, r.getEventID());
            }
            if (s.getStreamViewType() != null) {
                attrs.put(ATTR_STREAM_VIEW_TYPE, s.getStreamViewType());
            }
            records.add(record(id, name, s, attrs));
        }
        Invocation inv = Invocation.builder()
                .requestId(LambdaContexts.requestId(ctx))
                .functionName(fn)
                .source(Source.of(SourceKind.STREAM, "dynamodb-streams", first))
                .records(records)
                .remainingMillis(LambdaContexts.remainingMillis(ctx))
                .eventBytes(bytes.length)
                .build();
        return new BatchEvent(inv, keys, ids);
    }

    /** One stream record: the image (or keys) converted, or why not. */
    private EventRecord record(String id, String name, StreamRecord s, Map<String, String> attrs) {
        AttributeValues.Converted keys = null;
        if (s.getKeys() != null) {
            keys = converter.convert(s.getKeys());
            if (!keys.ok()) {
                return EventRecord.undecodable(id, keys.refusal().get(), attrs);
            }
            attrs.put(ATTR_KEYS, AttributeValues.text(keys));
        }
        if (!name.equals("INSERT") && !name.equals("MODIFY") && !name.equals("REMOVE")) {
            return EventRecord.undecodable(id, Reason.UNSUPPORTED_EVENT, attrs);
        }
        Map<String, AttributeValue> image = name.equals("REMOVE") ? s.getOldImage() : s.getNewImage();
        // no image in the record (KEYS_ONLY, or the other image only): the keys are the payload
        AttributeValues.Converted item = image != null ? converter.convert(image) : keys;
        if (item == null) {
            return EventRecord.undecodable(id, Reason.EMPTY_BODY, attrs);
        }
        return item.ok() ? new EventRecord(id, item.json(), attrs)
                : EventRecord.undecodable(id, item.refusal().get(), attrs);
    }
}
