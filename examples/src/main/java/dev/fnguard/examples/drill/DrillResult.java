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
 */
public record DrillResult(String function, DrillCase drillCase, String decision, int status, String reasons,
        int auditEvents, boolean passed) {
}
