package dev.fnguard.azure.internal;

import com.microsoft.azure.functions.ExecutionContext;
import dev.fnguard.Evaluation;
import dev.fnguard.EventRecord;
import dev.fnguard.Guard;
import dev.fnguard.Invocation;
import dev.fnguard.Outcome;
import dev.fnguard.Reason;
import dev.fnguard.RecordResult;
import dev.fnguard.Source;
import dev.fnguard.Verdict;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch of messages (Event Hubs, IoT Hub, Service Bus with cardinality MANY), checked inside the
 * function by {@code AzureGuard.messages}: each message is a record, checked on its own; only those
 * that pass are returned; one audit event names every denied message's reason.
 *
 * <p>Compiled once per function; thread-safe.
 */
public final class BatchPipeline {

    private final Guard guard;
    private final Source source;
    private final boolean sourceAllowed;
    private final boolean refuseAll;
    private final int messageCap;

    /**
     * Creates the pipeline.
     *
     * @param guard the function's guard
     * @param source the trigger's source
     * @param sourceAllowed whether the allow-list admits it
     * @param refuseAll true for a function that could not be compiled: every batch is refused (INTERNAL)
     */
    public BatchPipeline(Guard guard, Source source, boolean sourceAllowed, boolean refuseAll) {
        this.guard = guard;
        this.source = source;
        this.sourceAllowed = sourceAllowed;
        this.refuseAll = refuseAll;
        this.messageCap = guard.policy().limits().maxEventBytes();
    }

    /**
     * Checks a batch.
     *
     * @param messages the messages as the worker delivered them
     * @param context the execution context
     * @param type the payload class ({@code String} for the original text)
     * @param <T> payload type
     * @return the messages that passed, in order, bound to {@code type}
     */
    public <T> List<T> check(List<String> messages, ExecutionContext context, Class<T> type) {
        List<String> input = messages == null ? List.of() : messages;
        List<EventRecord> records = new ArrayList<>(input.size());
        long bytes = 0;
        for (int i = 0; i < input.size(); i++) {
            String m = input.get(i);
            String id = Integer.toString(i);
            if (m == null) {
                records.add(new EventRecord(id, new byte[0], Map.of()));
            } else if (m.length() > messageCap) {
                records.add(EventRecord.undecodable(id, Reason.LIMIT_BODY, Map.of()));
                bytes += m.length();
            } else {
                byte[] b = encode(m);
                records.add(b == null ? EventRecord.undecodable(id, Reason.ENCODING, Map.of())
                        : new EventRecord(id, b, Map.of()));
                bytes += b == null ? m.length() : b.length;
            }
        }
        Invocation invocation = Invocation.builder()
                .requestId(AzureIds.invocationId(context))
                .traceId(AzureIds.traceId(context))
                .functionName(AzureIds.functionName(context))
                .source(source)
                .records(records)
                .eventBytes(bytes)
                .build();
        Evaluation evaluation;
        if (refuseAll) {
            evaluation = guard.refuse(invocation, Verdict.deny(Reason.INTERNAL));
        } else if (!sourceAllowed) {
            evaluation = guard.refuse(invocation, Verdict.deny(Reason.SOURCE));
        } else {
            evaluation = guard.evaluate(invocation);
        }
        List<T> out = new ArrayList<>();
        if (evaluation.invocationVerdict().passes()) {
            for (RecordResult r : evaluation.records()) {
                if (r.deliverable()) {
                    out.add(type == String.class ? type.cast(input.get(Integer.parseInt(r.record().id())))
                            : type.cast(r.payload().orElseThrow()));
                }
            }
        }
        guard.complete(evaluation, out.isEmpty() ? Outcome.SKIPPED : Outcome.OK, 0, Optional.empty());
        return List.copyOf(out);
    }

    private static byte[] encode(String text) {
        try {
            ByteBuffer buf = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
