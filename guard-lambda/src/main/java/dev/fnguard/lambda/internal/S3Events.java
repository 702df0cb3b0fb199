package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
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
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maps S3 event notifications with AWS's serializer. Keys are decoded and inspected here, against
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
            Reason problem = null;
            String eventName = r.getEventName() == null ? "" : r.getEventName();
            if (!eventPrefixes.isEmpty() && eventPrefixes.stream().noneMatch(eventName::startsWith)) {
                problem = Reason.UNSUPPORTED_EVENT;
            } else if (key.isEmpty() || ObjectKeys.unsafe(key.get())
                    || (keyPattern.isPresent() && !keyPattern.get().matcher(key.get()).matches())) {
                problem = Reason.OBJECT_KEY;
            } else if (maxObjectBytes > 0 && (size == null ? eventName.startsWith("ObjectCreated") : size > maxObjectBytes)) {
                problem = Reason.OBJECT_SIZE;
            }
            if (problem != null) {
                records.add(EventRecord.undecodable(id, problem, attrs));
                continue;
            }
            S3ObjectNotification n = new S3ObjectNotification(eventName, bucket, key.get(), size, r.getAwsRegion());
            try {
                records.add(new EventRecord(id, Json.WRITER.writeValueAsBytes(n), attrs));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Invocation inv = Invocation.builder()
                .requestId(ctx != null && ctx.getAwsRequestId() != null ? ctx.getAwsRequestId() : UUID.randomUUID().toString())
                .functionName(fn)
                .source(Source.of(SourceKind.OBJECT_STORE, "s3", first))
                .records(records)
                .remainingMillis(ctx == null || ctx.getRemainingTimeInMillis() <= 0 ? Long.MAX_VALUE
                        : ctx.getRemainingTimeInMillis())
                .eventBytes(bytes.length)
                .build();
        return new BatchEvent(inv, new String[records.size()], ids);
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
