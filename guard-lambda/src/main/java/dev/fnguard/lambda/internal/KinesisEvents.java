package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.EventRecord;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.internal.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Kinesis Data Streams events with AWS's serializer: one record per Kinesis record, its
 * base64 {@code data} decoded as the payload, its sequence number as the id reported in
 * {@code batchItemFailures}, its shard as the order key.
 *
 * <p>AWS's serializer decodes {@code data} itself and refuses the whole event when one record's
 * data is not base64. So that one bad record does not hide the others, a refused event is read a
 * second time: records whose data does not decode are blanked and mapped as undecodable
 * ({@link Reason#ENCODING}), and the rest is deserialized again by AWS's serializer. The second pass
 * costs only events that are already broken.
 */
public final class KinesisEvents {

    private static final PojoSerializer<KinesisEvent> IN = AwsSerialization.serializerFor(KinesisEvent.class);

    /** The family of Kinesis stream ARNs in allow-lists. */
    public static final String FAMILY = "arn:aws:kinesis";
    /** The source of unreadable Kinesis events in audit events. */
    public static final Source UNREADABLE = Source.of(SourceKind.STREAM, "kinesis", null);
    /** Record attribute: the record's partition key. */
    public static final String ATTR_PARTITION_KEY = "partitionKey";
    /** Record attribute: the record's sequence number. */
    public static final String ATTR_SEQUENCE_NUMBER = "sequenceNumber";
    /** Record attribute: the shard id, from {@code eventID} ({@code shardId-...:<sequence number>}). */
    public static final String ATTR_SHARD_ID = "shardId";
    /** Record attribute: the approximate arrival time, ISO-8601 ({@code 2015-04-09T00:00:00Z}). */
    public static final String ATTR_ARRIVAL = "approximateArrivalTimestamp";

    /** The order key of records whose event names no shard: one shard, so order is kept across them. */
    private static final String UNKNOWN_SHARD = "";

    private KinesisEvents() {
    }

    /**
     * Maps a Kinesis event.
     *
     * @param bytes the event
     * @param ctx the Lambda context, may be null
     * @param fn the function name
     * @return the batch
     */
    public static BatchEvent map(byte[] bytes, Context ctx, String fn) {
        KinesisEvent event;
        Set<Integer> badData = Set.of();
        try {
            event = IN.fromJson(new ByteArrayInputStream(bytes));
        } catch (RuntimeException refused) {
            badData = new HashSet<>();
            byte[] blanked = blankUndecodableData(bytes, badData, refused);
            event = IN.fromJson(new ByteArrayInputStream(blanked));
        }
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
            throw new IllegalArgumentException("not a Kinesis event");
        }
        List<KinesisEvent.KinesisEventRecord> list = event.getRecords();
        List<EventRecord> records = new ArrayList<>(list.size());
        String[] keys = new String[list.size()];
        String[] ids = new String[list.size()];
        String first = null;
        for (int i = 0; i < list.size(); i++) {
            KinesisEvent.KinesisEventRecord r = list.get(i);
            if (r == null || !"aws:kinesis".equals(r.getEventSource()) || r.getKinesis() == null) {
                throw new IllegalArgumentException("record is not from Kinesis");
            }
            KinesisEvent.Record k = r.getKinesis();
            // the sequence number is what Lambda expects back; without one, an empty itemIdentifier
            // makes it retry the whole batch (fail closed), and the audit names the record by index
            boolean numbered = k.getSequenceNumber() != null && !k.getSequenceNumber().isEmpty();
            String id = numbered ? k.getSequenceNumber() : "#" + i;
            ids[i] = numbered ? id : "";
            keys[i] = shard(r.getEventID());
            Map<String, String> attrs = new HashMap<>();
            StreamEvents.identify(attrs, r.getEventSourceARN(), FAMILY);
            if (first == null && r.getEventSourceARN() != null && !r.getEventSourceARN().isEmpty()) {
                first = r.getEventSourceARN();
            }
            attrs.put(ATTR_SEQUENCE_NUMBER, id);
            if (k.getPartitionKey() != null) {
                attrs.put(ATTR_PARTITION_KEY, k.getPartitionKey());
            }
            if (!keys[i].isEmpty()) {
                attrs.put(ATTR_SHARD_ID, keys[i]);
            }
            if (k.getApproximateArrivalTimestamp() != null) {
                attrs.put(ATTR_ARRIVAL, k.getApproximateArrivalTimestamp().toInstant().toString());
            }
            if (badData.contains(i)) {
                records.add(EventRecord.undecodable(id, Reason.ENCODING, attrs));
            } else if (k.getData() == null || !k.getData().hasRemaining()) {
                records.add(EventRecord.undecodable(id, Reason.EMPTY_BODY, attrs));
            } else {
                records.add(new EventRecord(id, bytesOf(k.getData()), attrs));
            }
        }
        Invocation inv = Invocation.builder()
                .requestId(LambdaContexts.requestId(ctx))
                .functionName(fn)
                .source(Source.of(SourceKind.STREAM, "kinesis", first))
                .records(records)
                .remainingMillis(LambdaContexts.remainingMillis(ctx))
                .eventBytes(bytes.length)
                .build();
        return new BatchEvent(inv, keys, ids);
    }

    /** The shard of an {@code eventID} ({@code shardId-000000000000:<sequence number>}). */
    static String shard(String eventId) {
        if (eventId == null) {
            return UNKNOWN_SHARD;
        }
        int colon = eventId.indexOf(':');
        return colon < 0 ? UNKNOWN_SHARD : eventId.substring(0, colon);
    }

    private static byte[] bytesOf(ByteBuffer data) {
        ByteBuffer d = data.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    /**
     * The event with every {@code data} that does not decode as base64 replaced by an empty string;
     * their indices go to {@code bad}. Rethrows {@code refused} when no data was at fault.
     */
    private static byte[] blankUndecodableData(byte[] bytes, Set<Integer> bad, RuntimeException refused) {
        JsonNode tree;
        try {
            tree = Json.STRICT.readTree(bytes);
        } catch (IOException e) {
            throw refused;
        }
        JsonNode list = tree == null ? null : tree.get("Records");
        if (list == null || !list.isArray()) {
            throw refused;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode k = list.get(i).get("kinesis");
            JsonNode data = k == null ? null : k.get("data");
            if (data != null && data.isTextual() && !decodes(data.asText())) {
                ((ObjectNode) k).put("data", "");
                bad.add(i);
            }
        }
        if (bad.isEmpty()) {
            throw refused;
        }
        try {
            return Json.WRITER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether Jackson's default base64 variant (the one AWS's serializer reads {@code data} with) decodes it. */
    private static boolean decodes(String base64) {
        try {
            Base64Variants.getDefaultVariant().decode(base64);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
