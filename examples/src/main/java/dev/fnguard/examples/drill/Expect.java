package dev.fnguard.examples.drill;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the drill expects of one case: the guard's decision, the status answered (0 when the source
 * has no caller to answer), the reason code (null for an allowed event), and for batches the
 * per-record verdicts.
 *
 * @param decision {@code allow}, {@code deny} or {@code flag}
 * @param status the HTTP status, or 0
 * @param reason the reason code, or null
 * @param records for batches, the records that must not be delivered, in event order, each with the
 *     reason of its own audit event ({@code SKIPPED} for a record held back behind a failed FIFO
 *     message group); every other record must be delivered, and an {@code SQSBatchResponse} must name
 *     exactly these records. Null when the case does not look at records.
 */
public record Expect(String decision, int status, String reason, Map<String, String> records) {

    /**
     * Checks the decision.
     *
     * @param decision decision
     * @param status status
     * @param reason reason
     * @param records per-record verdicts, or null
     */
    public Expect {
        Objects.requireNonNull(decision, "decision");
        records = records == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
    }

    /**
     * An expectation that does not look at records.
     *
     * @param decision decision
     * @param status status
     * @param reason reason
     */
    public Expect(String decision, int status, String reason) {
        this(decision, status, reason, null);
    }

    /**
     * A copy that also expects per-record verdicts: {@code id, reason, id, reason, ...} for the records
     * that are not delivered, in event order; none for a batch that is delivered whole.
     *
     * @param idsAndReasons pairs of record id and reason code
     * @return the copy
     */
    public Expect withRecords(String... idsAndReasons) {
        if (idsAndReasons.length % 2 != 0) {
            throw new IllegalArgumentException("records takes pairs of id and reason");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < idsAndReasons.length; i += 2) {
            m.put(idsAndReasons[i], idsAndReasons[i + 1]);
        }
        return new Expect(decision, status, reason, m);
    }

    /**
     * Allowed, answered with a status.
     *
     * @param status the status
     * @return the expectation
     */
    public static Expect allow(int status) {
        return new Expect("allow", status, null);
    }

    /**
     * Denied with a status and reason.
     *
     * @param status the status
     * @param reason the reason code
     * @return the expectation
     */
    public static Expect deny(int status, String reason) {
        return new Expect("deny", status, reason);
    }

    /**
     * Flagged (monitor mode) with a status and reason.
     *
     * @param status the status
     * @param reason the reason code
     * @return the expectation
     */
    public static Expect flag(int status, String reason) {
        return new Expect("flag", status, reason);
    }

    /**
     * A copy that expects every record of the batch to be delivered (no per-record audit event, an
     * empty {@code batchItemFailures}).
     *
     * @return the copy
     */
    public Expect allDelivered() {
        return withRecords();
    }

    @Override
    public String toString() {
        return decision + (status > 0 ? " " + status : "") + (reason == null ? "" : " " + reason);
    }
}
