package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.fnguard.LimitSettings;
import dev.fnguard.internal.SourceCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Kinesis and DynamoDB Streams mapping share: the source attributes taken from a stream ARN,
 * the {@code StreamsEventResponse} answer, and the read limits of a stream event.
 */
public final class StreamEvents {

    private static final PojoSerializer<StreamsEventResponse> OUT =
            AwsSerialization.serializerFor(StreamsEventResponse.class);

    /**
     * The most bytes of a stream event read: Lambda's own invocation ceiling. A stream batch is sized
     * by the platform, not by the per-record payload limit; a batch refused for its size would only
     * come back, so each record is held to {@code maxBodyBytes} instead.
     */
    public static final int MAX_EVENT_BYTES = LimitSettings.CEILING_BODY_BYTES + 64 * 1024;

    /**
     * Answered as failed when the event cannot be read at all: Lambda treats an empty
     * {@code itemIdentifier} as the failure of the whole batch and retries it (bisecting it when
     * {@code BisectBatchOnFunctionError} is on), instead of checkpointing past unseen records.
     */
    public static final Optional<String> WHOLE_BATCH = Optional.of("");

    private StreamEvents() {
    }

    /**
     * Puts the source attributes of a stream ARN ({@code arn:<partition>:<service>:<region>:<account>:<resource>}):
     * the ARN itself, the family, and the region and account when the ARN names them.
     *
     * @param attrs the record's attributes
     * @param arn the {@code eventSourceARN}, may be null
     * @param family the family, fixed by the handler rather than read from the ARN
     */
    static void identify(Map<String, String> attrs, String arn, String family) {
        attrs.put(SourceCheck.ATTR_FAMILY, family);
        if (arn == null || arn.isEmpty()) {
            return;
        }
        attrs.put(SourceCheck.ATTR_SOURCE, arn);
        SourceCheck.putRegionAndAccount(attrs, arn);
    }

    /**
     * Writes a {@code StreamsEventResponse} naming the failed records by sequence number.
     *
     * @param failedIds the sequence numbers, in event order
     * @param out the stream
     * @throws IOException when writing fails
     */
    public static void answer(List<String> failedIds, OutputStream out) throws IOException {
        List<StreamsEventResponse.BatchItemFailure> items = new ArrayList<>(failedIds.size());
        for (String id : failedIds) {
            items.add(new StreamsEventResponse.BatchItemFailure(id));
        }
        OUT.toJson(new StreamsEventResponse(items), out);
    }
}
