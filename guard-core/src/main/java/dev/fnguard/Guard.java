package dev.fnguard;

import dev.fnguard.budget.InMemoryBudgetStore;
import dev.fnguard.auth.internal.AuthCheck;
import dev.fnguard.internal.AuditJson;
import dev.fnguard.internal.BudgetCheck;
import dev.fnguard.internal.HttpTransportCheck;
import dev.fnguard.internal.LimitsCheck;
import dev.fnguard.internal.PayloadHash;
import dev.fnguard.internal.RawLimitsCheck;
import dev.fnguard.internal.SchemaCheck;
import dev.fnguard.spi.BudgetStore;
import dev.fnguard.spi.InMemoryReplayStore;
import dev.fnguard.spi.ReplayStore;
import dev.fnguard.internal.SourceCheck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: runs the checks of a {@link Policy} over an {@link Invocation} and audits the result.
 *
 * <p>A guard is built once per handler class at init (policy compiled, payload type's binder and
 * validator metadata built) and shared by every invocation; it is thread-safe. Use it in two steps:
 * {@link #evaluate} before user code, {@link #complete} after it, which emits exactly one audit
 * event.
 *
 * <p>The checks run in this order, assembled in {@link Builder#build()} and nowhere else:
 * transport ({@code http}), {@code auth} (when the policy declares a way to verify callers) and
 * {@code budget} once per invocation, then per record {@code source} (the record's own origin against
 * the source, account and region allow-lists, EventBridge detail-types, the loop guard's hop limit,
 * the poison cap), {@code limits}, {@code schema} and {@code detect} (when the policy selects
 * detectors). Without a payload type ({@code Void}) {@code limits} denies records the adapter could
 * not decode and checks sizes and JSON shape only, and {@code schema} does not run.
 * The first denial of a check stops the checks that follow it for that record; a flag does not.
 */
public final class Guard {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    private final Policy policy;
    private final Class<?> payloadType;
    private final List<Check> invocationChecks;
    private final List<Check> recordChecks;
    private final List<String> checkNames;
    private final AuditSink auditSink;
    private final Clock clock;

    private Guard(Builder b, List<Check> invocationChecks, List<Check> recordChecks) {
        this.policy = b.policy;
        this.payloadType = b.payloadType;
        this.invocationChecks = List.copyOf(invocationChecks);
        this.recordChecks = List.copyOf(recordChecks);
        List<String> names = new ArrayList<>();
        for (Check c : invocationChecks) {
            names.add(c.name());
        }
        for (Check c : recordChecks) {
            names.add(c.name());
        }
        this.checkNames = List.copyOf(names);
        this.auditSink = b.auditSink;
        this.clock = b.clock;
    }

    /**
     * Starts building a guard for a payload type.
     *
     * @param policy the policy, already completed by the environment
     * @param payloadType the class records are bound to; {@code Void.class} for events without a
     *     body to bind
     * @return a builder
     */
    public static Builder builder(Policy policy, Class<?> payloadType) {
        return new Builder(policy, payloadType);
    }

    /** @return the policy this guard enforces */
    public Policy policy() {
        return policy;
    }

    /** @return the payload type records are bound to */
    public Class<?> payloadType() {
        return payloadType;
    }

    /** @return the names of the checks, in the order they run */
    public List<String> checkNames() {
        return checkNames;
    }

    /**
     * Runs every check. Never throws for bad input: a problem is a denial in the result.
     *
     * @param invocation the invocation
     * @return the verdicts
     */
    public Evaluation evaluate(Invocation invocation) {
        return evaluate(invocation, false);
    }

    /**
     * Runs the stateless checks over a synthetic invocation to warm the compiled pipeline (class
     * loading, JIT, lazily built parsers) before a SnapStart/CRaC snapshot. Stateful checks
     * ({@link Check#stateful()}) are skipped and no audit event is emitted: priming charges no
     * budget and leaves nothing behind.
     *
     * @param synthetic an invocation made up for priming, never a real one
     * @return the evaluation, for inspection; do not pass it to {@link #complete}
     */
    public Evaluation prime(Invocation synthetic) {
        Evaluation e = evaluate(synthetic, true);
        // exercise the audit serializer without emitting anything
        AuditJson.write(new AuditEvent(clock.instant(), synthetic.requestId(), synthetic.traceId(),
                synthetic.functionName(), synthetic.source(), e.caller(), policy.mode(), e.decision(), List.of(),
                List.of(), e.checks(), synthetic.records().size(), 0, PayloadHash.sha256(synthetic.records()), 0,
                Outcome.SKIPPED, Optional.empty(), 0, 0));
        return e;
    }

    private Evaluation evaluate(Invocation invocation, boolean priming) {
        long start = System.nanoTime();
        int n = checkNames.size();
        long[] nanos = new long[n];
        Decision[] worst = new Decision[n];
        boolean[] ran = new boolean[n];
        List<Verdict> flags = new ArrayList<>(0);

        Inspection whole = new Inspection(invocation, policy, null, Caller.anonymous());
        Verdict invocationVerdict = Verdict.allow();
        for (int i = 0; i < invocationChecks.size(); i++) {
            if (priming && invocationChecks.get(i).stateful()) {
                continue;
            }
            Verdict v = run(invocationChecks.get(i), whole, i, nanos, worst, ran);
            if (v.decision() == Decision.FLAG) {
                flags.add(v);
            } else if (v.decision() == Decision.DENY) {
                invocationVerdict = v;
                break;
            }
        }
        Caller caller = whole.caller();

        List<EventRecord> records = invocation.records();
        List<RecordResult> results = new ArrayList<>(records.size());
        for (EventRecord record : records) {
            if (!invocationVerdict.passes()) {
                results.add(new RecordResult(record, invocationVerdict, Optional.empty()));
                continue;
            }
            Inspection one = new Inspection(invocation, policy, record, caller);
            Verdict recordVerdict = Verdict.allow();
            int offset = invocationChecks.size();
            for (int i = 0; i < recordChecks.size(); i++) {
                if (priming && recordChecks.get(i).stateful()) {
                    continue;
                }
                Verdict v = run(recordChecks.get(i), one, offset + i, nanos, worst, ran);
                if (v.decision() == Decision.FLAG) {
                    flags.add(v);
                } else if (v.decision() == Decision.DENY) {
                    recordVerdict = v;
                    break;
                }
            }
            Optional<Object> payload = recordVerdict.passes() ? one.payload() : Optional.empty();
            if (recordVerdict.passes() && payload.isEmpty() && payloadType != Void.class) {
                // a check chain that lets a record through must have bound it: fail closed
                LOG.error("no payload bound for record {} of request {}", record.id(), invocation.requestId());
                recordVerdict = Verdict.deny(Reason.INTERNAL);
            }
            results.add(new RecordResult(record, recordVerdict, payload));
        }

        List<CheckRun> runs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (ran[i]) {
                runs.add(new CheckRun(checkNames.get(i), worst[i], nanos[i]));
            }
        }
        long end = System.nanoTime();
        return new Evaluation(invocation, caller, invocationVerdict, results, flags, runs, start, end - start,
                whole.settlements());
    }

    /**
     * An evaluation that denies the whole invocation without running the checks, for events the
     * adapter could not even read (larger than the event limit, not an event this handler takes).
     * Pass it to {@link #complete} like any other.
     *
     * @param invocation what is known of the invocation
     * @param verdict the denial
     * @return the evaluation
     */
    public Evaluation refuse(Invocation invocation, Verdict verdict) {
        if (verdict.passes()) {
            throw new IllegalArgumentException("refuse needs a denial, got " + verdict.decision());
        }
        long now = System.nanoTime();
        List<RecordResult> results = new ArrayList<>();
        for (EventRecord r : invocation.records()) {
            results.add(new RecordResult(r, verdict, Optional.empty()));
        }
        return new Evaluation(invocation, Caller.anonymous(), verdict, results, List.of(), List.of(), now, 0);
    }

    private Verdict run(Check check, Inspection inspection, int index, long[] nanos, Decision[] worst,
            boolean[] ran) {
        long t0 = System.nanoTime();
        Verdict v;
        try {
            v = check.check(inspection);
            if (v == null) {
                throw new NullPointerException("check " + check.name() + " returned null");
            }
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("check {} failed on request {}: {}", check.name(), inspection.invocation().requestId(),
                    e.getClass().getName());
            v = Verdict.deny(Reason.INTERNAL);
            inspection.markUndeliverable();
        }
        if (v.decision() == Decision.DENY && policy.modeFor(check.name()) == Mode.MONITOR
                && !inspection.undeliverable()) {
            v = v.asFlag();
        }
        nanos[index] += System.nanoTime() - t0;
        ran[index] = true;
        worst[index] = worse(worst[index], v.decision());
        return v;
    }

    private static Decision worse(Decision a, Decision b) {
        return a == null || severity(b) > severity(a) ? b : a;
    }

    private static int severity(Decision d) {
        return d == Decision.ALLOW ? 0 : d == Decision.FLAG ? 1 : 2;
    }

    /**
     * Emits the one audit event of an invocation, after user code ran or was skipped, and first runs
     * the settlements that checks left (budgets: spend settled with the real duration, concurrency permit
     * released). An outcome of {@link Outcome#TIMEOUT} adds the reason {@code TIMEOUT}.
     *
     * @param evaluation the evaluation of the invocation
     * @param outcome what happened to user code
     * @param status the status answered to the caller, 0 when there is none
     * @param error what user code threw, if anything (only its class is recorded)
     * @return the event emitted
     */
    public AuditEvent complete(Evaluation evaluation, Outcome outcome, int status, Optional<Throwable> error) {
        long t0 = System.nanoTime();
        settle(evaluation, t0);
        Invocation inv = evaluation.invocation();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> fields = new LinkedHashSet<>();
        if (outcome == Outcome.TIMEOUT) {
            reasons.add(Reason.TIMEOUT.name());
        }
        collect(evaluation.invocationVerdict(), reasons, fields);
        for (RecordResult r : evaluation.records()) {
            collect(r.verdict(), reasons, fields);
        }
        for (Verdict f : evaluation.flags()) {
            collect(f, reasons, fields);
        }
        long bytes = 0;
        for (EventRecord r : inv.records()) {
            bytes += r.size();
        }
        String sha = PayloadHash.sha256(inv.records());
        long end = System.nanoTime();
        AuditEvent event = new AuditEvent(clock.instant(), inv.requestId(), inv.traceId(), inv.functionName(),
                inv.source(), evaluation.caller(), policy.mode(), evaluation.decision(), List.copyOf(reasons),
                List.copyOf(fields), evaluation.checks(), inv.records().size(), bytes, sha, status, outcome,
                errorType(error), evaluation.guardNanos() + (end - t0),
                end - evaluation.startNanos());
        auditSink.emit(event);
        return event;
    }

    private static void settle(Evaluation evaluation, long now) {
        for (Settlement s : evaluation.settlements()) {
            try {
                s.settle(now - evaluation.startNanos());
            } catch (RuntimeException e) {
                LOG.error("settlement failed on request {}: {}", evaluation.invocation().requestId(),
                        e.getClass().getName());
            }
        }
    }

    /**
     * Emits the audit event of one denied or failed record of a batch, with the record's id (as the
     * field {@code recordId=<id>}) and its reason. It is not the terminal event of the invocation:
     * {@link #complete} still emits that one.
     *
     * @param evaluation the evaluation of the invocation
     * @param result the record's result
     * @param outcome {@link Outcome#SKIPPED} for a denied record, {@link Outcome#ERROR} when user code failed
     * @param error what user code threw, if anything (only its class is recorded)
     * @return the event emitted
     */
    public AuditEvent completeRecord(Evaluation evaluation, RecordResult result, Outcome outcome,
            Optional<Throwable> error) {
        Invocation inv = evaluation.invocation();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> fields = new LinkedHashSet<>();
        fields.add(AuditJson.RECORD_ID_FIELD + result.record().id());
        collect(result.verdict(), reasons, fields);
        Decision decision = result.verdict().decision();
        AuditEvent event = new AuditEvent(clock.instant(), inv.requestId(), inv.traceId(), inv.functionName(),
                inv.source(), evaluation.caller(), policy.mode(), decision, List.copyOf(reasons),
                List.copyOf(fields), List.of(), 1, result.record().size(),
                PayloadHash.sha256(List.of(result.record())), 0, outcome, errorType(error),
                0, 0);
        auditSink.emit(event);
        return event;
    }

    /** The exception's class name; a conditional rather than {@code Optional.map}: no lambda to link at the first event. */
    private static Optional<String> errorType(Optional<Throwable> error) {
        return error.isPresent() ? Optional.of(error.get().getClass().getName()) : Optional.empty();
    }

    private static void collect(Verdict v, Set<String> reasons, Set<String> fields) {
        if (v.reason().isPresent()) {
            reasons.add(v.reason().get().name());
        }
        fields.addAll(v.fields());
    }

    /** Builds a {@link Guard}; the expensive work (binders, validator metadata) happens in {@link #build()}. */
    public static final class Builder {
        private final Policy policy;
        private final Class<?> payloadType;
        private AuditSink auditSink = AuditSink.slf4j();
        private Clock clock = Clock.systemUTC();
        private BudgetStore budgetStore;
        private ReplayStore replayStore;

        private Builder(Policy policy, Class<?> payloadType) {
            this.policy = Objects.requireNonNull(policy, "policy");
            this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        }

        /** @param sink where audit events go (default {@link AuditSink#slf4j()}) @return this */
        public Builder auditSink(AuditSink sink) {
            this.auditSink = Objects.requireNonNull(sink, "auditSink");
            return this;
        }

        /** @param clock the clock for audit timestamps (default UTC system clock) @return this */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param store where budgets keep their state (default: a new {@link InMemoryBudgetStore}; the
         *     handler base classes pass the store chosen by {@code GuardOptions})
         * @return this
         */
        public Builder budgetStore(BudgetStore store) {
            this.budgetStore = Objects.requireNonNull(store, "budgetStore");
            return this;
        }

        /**
         * @param store where webhook signatures are remembered against replay (default a new
         *     {@link InMemoryReplayStore} per guard)
         * @return this
         */
        public Builder replayStore(ReplayStore store) {
            this.replayStore = Objects.requireNonNull(store, "replayStore");
            return this;
        }

        /**
         * Compiles the policy into the check chain. This is where the order of checks is decided.
         *
         * @return the guard
         */
        public Guard build() {
            List<Check> invocation = new ArrayList<>();
            List<Check> record = new ArrayList<>();
            invocation.add(new HttpTransportCheck(policy.http()));
            if (policy.auth().enabled()) {
                invocation.add(new AuthCheck(policy.auth(),
                        replayStore != null ? replayStore : new InMemoryReplayStore(clock, 100_000), clock));
            }
            // budget after auth (its caller key is the verified caller) and before anything that parses
            if (BudgetCheck.needed(policy.budget())) {
                invocation.add(new BudgetCheck(policy.budget(),
                        budgetStore != null ? budgetStore : new InMemoryBudgetStore(), clock));
            }
            record.add(new SourceCheck(policy.sources()));
            if (payloadType != Void.class) {
                record.add(new LimitsCheck(policy.limits()));
                record.add(SchemaCheck.forType(payloadType, policy));
            } else {
                // nothing to bind (drop-in entry point, scheduled events): a record the adapter refused
                // while mapping is denied, and sizes and JSON shape are checked
                record.add(new RawLimitsCheck(policy.limits()));
            }
            if (policy.detect().enabled()) {
                record.add(new dev.fnguard.detect.internal.DetectCheck(policy.detect(), payloadType));
            }
            return new Guard(this, invocation, record);
        }
    }
}
