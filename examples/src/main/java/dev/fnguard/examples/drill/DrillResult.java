package dev.fnguard.examples.drill;

/**
 * What happened to one case.
 *
 * @param function the function
 * @param drillCase the case
 * @param decision the decision of the terminal audit event
 * @param status the HTTP status answered, or 0
 * @param reasons the reason codes, comma-separated
 * @param auditEvents number of audit events the invocation wrote
 * @param passed whether it matched the expectation
 * @param records the per-record verdicts of a batch, {@code id REASON} for every record not delivered,
 *     comma-separated (empty when none or not a batch)
 * @param failures the ids of an {@code SQSBatchResponse}'s {@code batchItemFailures}, comma-separated,
 *     or null when the answer is not one
 */
public record DrillResult(String function, DrillCase drillCase, String decision, int status, String reasons,
        int auditEvents, boolean passed, String records, String failures) {

    /**
     * A result without per-record verdicts.
     *
     * @param function the function
     * @param drillCase the case
     * @param decision the decision
     * @param status the status
     * @param reasons the reasons
     * @param auditEvents the number of audit events
     * @param passed whether it matched
     */
    public DrillResult(String function, DrillCase drillCase, String decision, int status, String reasons,
            int auditEvents, boolean passed) {
        this(function, drillCase, decision, status, reasons, auditEvents, passed, "", null);
    }
}
