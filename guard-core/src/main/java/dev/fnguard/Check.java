package dev.fnguard;

/**
 * One concern of the guard (transport, limits, source, auth, budget, schema, detect): a function of
 * the {@link Inspection} that returns a {@link Verdict}.
 *
 * <p>Checks are built once per handler at init and shared by concurrent invocations, so they are
 * immutable or thread-safe. A check reports a problem by returning a denial, never by throwing;
 * an exception from a check is a bug, and the guard denies the event with {@link Reason#INTERNAL}.
 * Whether a denial is enforced or only flagged is decided by the guard from the {@link Policy}, not
 * by the check.
 */
public interface Check {

    /**
     * The check's stable name, used in audit events and in {@code FNGUARD_MONITOR_CHECKS}.
     *
     * @return the name, lower case
     */
    String name();

    /**
     * Whether the check runs once per invocation (transport, auth, budget) or once per record.
     *
     * @return the scope; {@link Scope#RECORD} by default
     */
    default Scope scope() {
        return Scope.RECORD;
    }

    /**
     * Whether the check reads or changes state shared across invocations (budgets, replay stores).
     * Stateful checks are skipped when the guard is primed before a snapshot ({@link Guard#prime}),
     * so that priming charges nothing and remembers nothing.
     *
     * @return false by default
     */
    default boolean stateful() {
        return false;
    }

    /**
     * Inspects the invocation or one of its records.
     *
     * @param inspection what is being inspected
     * @return allow, or deny with a reason
     */
    Verdict check(Inspection inspection);

    /** How often a check runs for one invocation. */
    enum Scope {
        /** Once for the whole invocation, before any record check. */
        INVOCATION,
        /** Once for each record. */
        RECORD
    }
}
