package dev.fnguard;

import java.util.List;
import java.util.Optional;

/**
 * The guard's verdicts on one invocation: per record, with the caller and the checks that ran. Pass
 * it back to {@link Guard#complete} once user code has run (or was skipped) to emit the audit event.
 */
public final class Evaluation {

    private final Invocation invocation;
    private final Caller caller;
    private final Verdict invocationVerdict;
    private final List<RecordResult> records;
    private final List<Verdict> flags;
    private final List<CheckRun> checks;
    private final long startNanos;
    private final long guardNanos;
    private final List<Settlement> settlements;

    Evaluation(Invocation invocation, Caller caller, Verdict invocationVerdict, List<RecordResult> records,
            List<Verdict> flags, List<CheckRun> checks, long startNanos, long guardNanos) {
        this(invocation, caller, invocationVerdict, records, flags, checks, startNanos, guardNanos, List.of());
    }

    Evaluation(Invocation invocation, Caller caller, Verdict invocationVerdict, List<RecordResult> records,
            List<Verdict> flags, List<CheckRun> checks, long startNanos, long guardNanos,
            List<Settlement> settlements) {
        this.invocation = invocation;
        this.caller = caller;
        this.invocationVerdict = invocationVerdict;
        this.records = List.copyOf(records);
        this.flags = List.copyOf(flags);
        this.checks = List.copyOf(checks);
        this.startNanos = startNanos;
        this.guardNanos = guardNanos;
        this.settlements = List.copyOf(settlements);
    }

    /** @return the invocation evaluated */
    public Invocation invocation() {
        return invocation;
    }

    /** @return the verified caller, or anonymous */
    public Caller caller() {
        return caller;
    }

    /** @return the verdict of the invocation-scope checks (a denial there denies every record) */
    public Verdict invocationVerdict() {
        return invocationVerdict;
    }

    /** @return one result per record, in event order */
    public List<RecordResult> records() {
        return records;
    }

    /** @return the flags raised in monitor mode */
    public List<Verdict> flags() {
        return flags;
    }

    /** @return the checks that ran, in order */
    public List<CheckRun> checks() {
        return checks;
    }

    /**
     * The first enforced denial: of the invocation, else of the first denied record.
     *
     * @return the denial, empty when everything may be delivered
     */
    public Optional<Verdict> denial() {
        if (!invocationVerdict.passes()) {
            return Optional.of(invocationVerdict);
        }
        for (RecordResult r : records) {
            if (!r.verdict().passes()) {
                return Optional.of(r.verdict());
            }
        }
        return Optional.empty();
    }

    /**
     * The overall decision: deny when anything was denied, flag when anything was flagged.
     *
     * @return the decision
     */
    public Decision decision() {
        if (denial().isPresent()) {
            return Decision.DENY;
        }
        return flags.isEmpty() ? Decision.ALLOW : Decision.FLAG;
    }

    long startNanos() {
        return startNanos;
    }

    long guardNanos() {
        return guardNanos;
    }

    List<Settlement> settlements() {
        return settlements;
    }
}
