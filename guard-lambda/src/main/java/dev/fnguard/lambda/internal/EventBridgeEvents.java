package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fnguard.EventRecord;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.internal.SourceCheck;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps EventBridge events (custom buses, AWS services, schedules) to one record whose body is the
 * event's {@code detail}. The identity is {@code events:<source>} (family {@code events}); the
 * {@code detail-type} goes to {@link SourceCheck#ATTR_DETAIL_TYPE}, {@code account} and
 * {@code region} to {@link SourceCheck#ATTR_ACCOUNT} and {@link SourceCheck#ATTR_REGION}. The
 * envelope fields are also record attributes under their own names: {@code id}, {@code source},
 * {@code detail-type}, {@code account}, {@code region}, {@code time}, {@code resources}
 * (comma-separated ARNs) and {@code replay-name} for a replayed event.
 */
public final class EventBridgeEvents {

    /** The source of unreadable EventBridge events in audit events. */
    public static final Source UNREADABLE = Source.of(SourceKind.EVENT, "eventbridge", null);

    private EventBridgeEvents() {
    }

    /**
     * Maps an EventBridge event.
     *
     * @param bytes the event
     * @param ctx the Lambda context, may be null
     * @param fn the function name
     * @return the batch of one
     */
    public static BatchEvent map(byte[] bytes, Context ctx, String fn) {
        EventBridgeEnvelope e = EventBridgeEnvelope.read(bytes)
                .orElseThrow(() -> new IllegalArgumentException("not an EventBridge event"));
        String requestId = LambdaContexts.requestId(ctx);
        String id = e.id().filter(s -> !s.isEmpty()).orElse(requestId);
        Map<String, String> attrs = attributes(e);
        attrs.put(SourceCheck.ATTR_FAMILY, SourceCheck.FAMILY_EVENTS);
        attrs.put(SourceCheck.ATTR_SOURCE, SourceCheck.FAMILY_EVENTS + ":" + e.source());
        attrs.put(SourceCheck.ATTR_DETAIL_TYPE, e.detailType());
        EventRecord record = e.detail().isPresent() ? new EventRecord(id, e.detail().get(), attrs)
                : EventRecord.undecodable(id, Reason.TYPE, attrs);
        Source source = e.scheduled()
                ? Source.of(SourceKind.SCHEDULE, "eventbridge-schedule", SourceCheck.FAMILY_EVENTS + ":" + e.source())
                : Source.of(SourceKind.EVENT, "eventbridge", SourceCheck.FAMILY_EVENTS + ":" + e.source());
        Invocation inv = Invocation.builder()
                .requestId(requestId)
                .functionName(fn)
                .source(source)
                .records(List.of(record))
                .remainingMillis(LambdaContexts.remainingMillis(ctx))
                .eventBytes(bytes.length)
                .build();
        return new BatchEvent(inv, new String[1], new String[] {id});
    }

    /**
     * The envelope as record attributes, under the envelope's own names, plus the account and
     * region attributes of the source check.
     *
     * @param e the envelope
     * @return a mutable map
     */
    static Map<String, String> attributes(EventBridgeEnvelope e) {
        Map<String, String> attrs = new HashMap<>();
        e.id().ifPresent(v -> attrs.put("id", v));
        attrs.put("source", e.source());
        attrs.put("detail-type", e.detailType());
        e.account().ifPresent(v -> {
            attrs.put("account", v);
            attrs.put(SourceCheck.ATTR_ACCOUNT, v);
        });
        e.region().ifPresent(v -> {
            attrs.put("region", v);
            attrs.put(SourceCheck.ATTR_REGION, v);
        });
        e.time().ifPresent(v -> attrs.put("time", v));
        if (!e.resources().isEmpty()) {
            attrs.put("resources", String.join(",", e.resources()));
        }
        e.replayName().ifPresent(v -> attrs.put("replay-name", v));
        return attrs;
    }

    /**
     * EventBridge has no caller to answer: writes nothing, and throws when user code failed so that
     * Lambda retries the event (see {@link AsyncFailure}).
     *
     * @param failedIds the records whose handling threw
     * @param out the stream
     */
    public static void answer(List<String> failedIds, OutputStream out) {
        AsyncFailure.throwIfAny(failedIds);
    }
}
