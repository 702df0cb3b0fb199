package dev.fnguard.lambda;

import dev.fnguard.EventRecord;
import dev.fnguard.GuardContext;
import dev.fnguard.internal.Hops;
import java.util.Map;
import java.util.Optional;

/**
 * What user code sees of one record of a batch besides its payload: the record's id, its source
 * attributes, and the invocation's {@link GuardContext} (request id, caller, time left).
 */
public final class RecordContext {

    private final GuardContext invocation;
    private final EventRecord record;

    /**
     * Creates the context.
     *
     * @param invocation the invocation's context
     * @param record the record
     */
    public RecordContext(GuardContext invocation, EventRecord record) {
        this.invocation = invocation;
        this.record = record;
    }

    /** @return the record's id (SQS message id, Kinesis sequence number, S3 object key) */
    public String recordId() {
        return record.id();
    }

    /**
     * A source attribute of the record (for SQS {@code MessageGroupId}, {@code ApproximateReceiveCount}).
     *
     * @param name the attribute
     * @return its value
     */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(record.attributes().get(name));
    }

    /** @return the record's attributes */
    public Map<String, String> attributes() {
        return record.attributes();
    }

    /**
     * The hop count of this record for the loop guard: the highest of its {@code fnguard-hop} message
     * attribute, the {@code Lineage} count of its own X-Ray header ({@code AWSTraceHeader}) and that
     * of the invocation's header; 0 when none says anything. An unreadable {@code fnguard-hop} (a
     * record let through in monitor mode) is left out. Stamp {@link LoopGuard#nextHop(RecordContext)}
     * on what the function writes.
     *
     * @return the count, at least 0
     */
    public int hop() {
        return Math.max(Math.max(0, Hops.ofRecord(record)), invocation.hop());
    }

    /** @return the invocation's context */
    public GuardContext invocation() {
        return invocation;
    }

    /** @return the platform's request id */
    public String requestId() {
        return invocation.requestId();
    }

    /** @return milliseconds left before the platform ends the invocation */
    public long remainingMillis() {
        return invocation.remainingMillis();
    }
}
