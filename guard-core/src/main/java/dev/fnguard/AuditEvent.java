package dev.fnguard;

import dev.fnguard.internal.AuditJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The structured record of one guard decision; one is emitted per invocation.
 *
 * <p>It never holds payload content, tokens or secrets: the payload appears as its size and
 * SHA-256, fields as paths and constraint names. {@link #toJson()} gives the one-line JSON form
 * documented in the README.
 *
 * @param time when the event was emitted
 * @param requestId the platform's request id
 * @param traceId the trace id, if any
 * @param functionName the function's name
 * @param source where the event came from
 * @param caller who sent it
 * @param mode the global mode in force
 * @param decision allow, deny or flag
 * @param reasons reason codes of every denial and flag, in the order raised
 * @param fields field paths (with constraint names) involved in denials and flags
 * @param checks the checks that ran
 * @param records number of records in the event
 * @param payloadBytes total payload bytes
 * @param payloadSha256 hex SHA-256 over the payload bytes of all records
 * @param status the status answered to the caller (0 when there is no caller)
 * @param outcome what happened to user code
 * @param errorType the exception class user code threw, if it did
 * @param guardNanos time spent in the guard itself
 * @param totalNanos time from the start of the evaluation to the end, including user code
 */
public record AuditEvent(
        Instant time,
        String requestId,
        Optional<String> traceId,
        String functionName,
        Source source,
        Caller caller,
        Mode mode,
        Decision decision,
        List<String> reasons,
        List<String> fields,
        List<CheckRun> checks,
        int records,
        long payloadBytes,
        String payloadSha256,
        int status,
        Outcome outcome,
        Optional<String> errorType,
        long guardNanos,
        long totalNanos) {

    /** Name of the SLF4J logger audit events are written to by {@link AuditSink#slf4j()}. */
    public static final String LOGGER = "fnguard.audit";

    /**
     * Copies the lists.
     *
     * @param time time
     * @param requestId request id
     * @param traceId trace id
     * @param functionName function
     * @param source source
     * @param caller caller
     * @param mode mode
     * @param decision decision
     * @param reasons reasons
     * @param fields fields
     * @param checks checks
     * @param records record count
     * @param payloadBytes bytes
     * @param payloadSha256 hash
     * @param status status
     * @param outcome outcome
     * @param errorType error type
     * @param guardNanos guard time
     * @param totalNanos total time
     */
    public AuditEvent {
        reasons = List.copyOf(reasons);
        fields = List.copyOf(fields);
        checks = List.copyOf(checks);
    }

    /**
     * The event as one line of JSON, with the keys documented in the README.
     *
     * @return the JSON object, no line breaks
     */
    public String toJson() {
        return AuditJson.write(this);
    }
}
