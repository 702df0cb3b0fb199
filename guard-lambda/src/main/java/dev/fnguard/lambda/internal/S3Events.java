package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnguard.EventRecord;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.SourceSettings;
import dev.fnguard.internal.Json;
import dev.fnguard.internal.ObjectKeys;
import dev.fnguard.internal.SourceCheck;
import dev.fnguard.lambda.S3ObjectNotification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps S3 event notifications with AWS's serializer, and S3 events delivered through EventBridge
 * (detected by their {@code detail-type}, read with the strict reader). Keys are decoded and inspected here, against
 * the policy's key pattern, size cap and event names (compiled once); a record that fails is mapped
 * as undecodable with {@link Reason#OBJECT_KEY}, {@link Reason#OBJECT_SIZE} or
 * {@link Reason#UNSUPPORTED_EVENT}, so the guard denies and audits it.
 */
public final class S3Events {

    private static final PojoSerializer<S3Event> IN = AwsSerialization.serializerFor(S3Event.class);

    /** The source of unreadable S3 events in audit events. */
    public static final Source UNREADABLE = Source.of(SourceKind.OBJECT_STORE, "s3", null);

    private final Optional<Pattern> keyPattern;
    private final long maxObjectBytes;
    private final List<String> eventPrefixes;

    /**
     * Compiles the object rules of a policy.
     *
     * @param settings the source settings
     */
    public S3Events(SourceSettings settings) {
        this.keyPattern = settings.objectKeyPattern().isEmpty() ? Optional.empty()
                : Optional.of(Pattern.compile(settings.objectKeyPattern()));
        this.maxObjectBytes = settings.maxObjectBytes();
        this.eventPrefixes = settings.objectEvents();
    }

    /**
     * Maps an S3 event.
     *
     * @param bytes the event
     * @param ctx the Lambda context, may be null
     * @param fn the function name
     * @return the batch
     */
    public BatchEvent map(byte[] bytes, Context ctx, String fn) {
        Optional<EventBridgeEnvelope> envelope = EventBridgeEnvelope.read(bytes);
        if (envelope.isPresent()) {
            return mapEventBridge(envelope.get(), bytes.length, ctx, fn);
        }
        S3Event event = IN.fromJson(new ByteArrayInputStream(bytes));
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
            throw new IllegalArgumentException("not an S3 event");
        }
        List<S3EventNotification.S3EventNotificationRecord> list = event.getRecords();
        List<EventRecord> records = new ArrayList<>(list.size());
        String[] ids = new String[list.size()];
        String first = null;
        for (int i = 0; i < list.size(); i++) {
            S3EventNotification.S3EventNotificationRecord r = list.get(i);
            if (!"aws:s3".equals(r.getEventSource()) || r.getS3() == null) {
                throw new IllegalArgumentException("record is not from S3");
            }
            String bucket = r.getS3().getBucket() == null ? null : r.getS3().getBucket().getName();
            String rawKey = r.getS3().getObject() == null ? null : r.getS3().getObject().getKey();
            String id = (bucket == null ? "" : bucket) + "/" + (rawKey == null ? "#" + i : rawKey);
            ids[i] = id;
            Map<String, String> attrs = new HashMap<>();
            attrs.put(SourceCheck.ATTR_FAMILY, "arn:aws:s3");
            if (bucket != null && !bucket.isEmpty()) {
                attrs.put(SourceCheck.ATTR_SOURCE, "arn:aws:s3:::" + bucket);
                if (first == null) {
                    first = "arn:aws:s3:::" + bucket;
                }
            }
            // S3 notifications name no account (bucket ARNs have none): the source check exempts the
            // arn:aws:s3 family from an account list; the bucket name, global, pins the owner
            if (r.getAwsRegion() != null) {
                attrs.put(SourceCheck.ATTR_REGION, r.getAwsRegion());
            }
            Long size = r.getS3().getObject() == null ? null : r.getS3().getObject().getSizeAsLong();
            Optional<String> key = rawKey == null ? Optional.empty() : ObjectKeys.decodeS3(rawKey);
            String eventName = r.getEventName() == null ? "" : r.getEventName();
            records.add(record(id, eventName, bucket, key, size, r.getAwsRegion(), attrs));
        }
        Invocation inv = Invocation.builder()
                .requestId(LambdaContexts.requestId(ctx))
                .functionName(fn)
                .source(Source.of(SourceKind.OBJECT_STORE, "s3", first))
                .records(records)
                .remainingMillis(LambdaContexts.remainingMillis(ctx))
                .eventBytes(bytes.length)
                .build();
        return new BatchEvent(inv, new String[records.size()], ids);
    }

    /** The same checks for both shapes: event name, key (already decoded), size. */
    private EventRecord record(String id, String eventName, String bucket, Optional<String> key, Long size,
            String region, Map<String, String> attrs) {
        Reason problem = null;
        if (!eventPrefixes.isEmpty() && eventPrefixes.stream().noneMatch(eventName::startsWith)) {
            problem = Reason.UNSUPPORTED_EVENT;
        } else if (key.isEmpty() || ObjectKeys.unsafe(key.get())
                || (keyPattern.isPresent() && !keyPattern.get().matcher(key.get()).matches())) {
            problem = Reason.OBJECT_KEY;
        } else if (maxObjectBytes > 0 && (size == null ? eventName.startsWith("ObjectCreated") : size > maxObjectBytes)) {
            problem = Reason.OBJECT_SIZE;
        }
        if (problem != null) {
            return EventRecord.undecodable(id, problem, attrs);
        }
        S3ObjectNotification n = new S3ObjectNotification(eventName, bucket, key.get(), size, region);
        try {
            return new EventRecord(id, Json.WRITER.writeValueAsBytes(n), attrs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Maps an S3 event delivered through EventBridge ({@code source: aws.s3}): one record. The key
     * is taken as sent: EventBridge carries it without URL encoding ({@code +} and {@code %} are
     * literal), unlike notifications, and then faces the same checks, so a {@code %XX} in it is
     * refused like a second level of encoding. The detail-type is mapped to the notification's event
     * name (see {@link S3EventNames}).
     */
    private BatchEvent mapEventBridge(EventBridgeEnvelope e, int eventBytes, Context ctx, String fn) {
        if (!"aws.s3".equals(e.source())) {
            throw new IllegalArgumentException("EventBridge event not from S3");
        }
        String requestId = LambdaContexts.requestId(ctx);
        Map<String, String> attrs = EventBridgeEvents.attributes(e);
        attrs.put(SourceCheck.ATTR_FAMILY, "arn:aws:s3");
        JsonNode detail;
        try {
            detail = e.detail().isEmpty() ? null : Json.STRICT.readTree(e.detail().get());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String bucket = text(detail, "bucket", "name");
        String rawKey = text(detail, "object", "key");
        String id = (bucket == null ? "" : bucket) + "/" + (rawKey == null ? e.id().orElse(requestId) : rawKey);
        String arn = bucket == null || bucket.isEmpty() ? null : "arn:aws:s3:::" + bucket;
        if (arn != null) {
            attrs.put(SourceCheck.ATTR_SOURCE, arn);
        }
        EventRecord record;
        if (arn != null && !e.resources().isEmpty() && !e.resources().contains(arn)) {
            // the envelope names another bucket than the detail: which one is the source? neither
            record = EventRecord.undecodable(id, Reason.SOURCE, attrs);
        } else if (detail == null || bucket == null) {
            record = EventRecord.undecodable(id, Reason.MALFORMED, attrs);
        } else {
            JsonNode sizeNode = detail.path("object").path("size");
            Long size = sizeNode.isIntegralNumber() && sizeNode.canConvertToLong() ? sizeNode.asLong() : null;
            Optional<String> eventName = S3EventNames.of(e.detailType(), text(detail, "reason", null),
                    text(detail, "deletion-type", null));
            record = eventName.isEmpty() ? EventRecord.undecodable(id, Reason.UNSUPPORTED_EVENT, attrs)
                    : record(id, eventName.get(), bucket, Optional.ofNullable(rawKey), size, e.region().orElse(null),
                            attrs);
        }
        Invocation inv = Invocation.builder()
                .requestId(requestId)
                .functionName(fn)
                .source(Source.of(SourceKind.OBJECT_STORE, "s3-eventbridge", arn))
                .records(List.of(record))
                .remainingMillis(LambdaContexts.remainingMillis(ctx))
                .eventBytes(eventBytes)
                .build();
        return new BatchEvent(inv, new String[1], new String[] {id});
    }

    private static String text(JsonNode detail, String field, String sub) {
        if (detail == null) {
            return null;
        }
        JsonNode n = sub == null ? detail.get(field) : detail.path(field).get(sub);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /**
     * S3 has no caller to answer: writes nothing.
     *
     * @param failedIds ignored
     * @param out the stream
     */
    public static void answer(List<String> failedIds, OutputStream out) {
        // asynchronous source: denied records were dropped and audited, failures are logged
    }
}
