package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.GuardOptions;
import dev.fnguard.EventRecord;
import dev.fnguard.Invocation;
import dev.fnguard.Mode;
import dev.fnguard.Outcome;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.RecordResult;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.Verdict;
import dev.fnguard.internal.HttpProblem;
import dev.fnguard.internal.SourceCheck;
import dev.fnguard.internal.SourcePattern;
import dev.fnguard.internal.Throwables;
import dev.fnguard.lambda.internal.EntryKind.Delivery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One invocation of the drop-in entry point, end to end: read the event under the event limit,
 * detect its kind from the table ({@link EntryKinds}), map and evaluate it (payload type
 * {@code Void}: transport, auth, budget, source and per-record limits), hand user code the event
 * without its denied records, answer in the kind's way, and audit every denied or failed record
 * plus exactly one terminal event, whatever happens.
 *
 * <p>Everything is compiled when the entry point is created: the user's handler (instantiated once,
 * its types and serializers resolved), the policy, the guard and the table of kinds. Instances are
 * immutable and thread-safe.
 */
public final class EntryPipeline {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");
    private static final String AWS_EVENTS = "com.amazonaws.services.lambda.runtime.events.";

    private final Guard guard;
    private final List<EntryKind> kinds;
    private final Set<EntryKind> accepted;
    private final Set<String> allowedFamilies;
    private final UserHandler user;
    private final String functionName;
    private final int eventCap;

    private EntryPipeline(Guard guard, List<EntryKind> kinds, UserHandler user, String functionName) {
        this.guard = guard;
        this.kinds = kinds;
        this.user = user;
        this.functionName = functionName;
        // batches are bounded by the platform (6 MB), not by the per-record limit, which every record
        // is still held to: a legitimate batch refused for its size would only come back
        this.eventCap = Math.max(guard.policy().limits().maxEventBytes(), StreamEvents.MAX_EVENT_BYTES);
        this.accepted = accepted(kinds, user.inputClass());
        Set<String> families = new HashSet<>();
        guard.policy().sources().allowed().forEach(p -> families.add(SourcePattern.family(p)));
        this.allowedFamilies = Set.copyOf(families);
        if (accepted.stream().anyMatch(k -> k.delivery() == Delivery.HTTP)) {
            // AWS's HTTP API serializers on a daemon thread, overlapping the rest of init
            HttpPipeline.startPriming();
        }
    }

    /**
     * Compiles the entry point: loads {@code FNGUARD_HANDLER}, compiles its policy, builds the guard
     * and instantiates the handler, once.
     *
     * @param options environment, audit sink, clock and stores
     * @return the pipeline
     * @throws IllegalStateException naming {@code FNGUARD_HANDLER} when it does not name a usable handler
     * @throws IllegalArgumentException naming the variable when a {@code FNGUARD_*} value is invalid
     */
    public static EntryPipeline create(GuardOptions options) {
        Class<?> type = UserHandler.loadClass(options.environment().get(UserHandler.ENV_HANDLER));
        Policy policy = EntryPolicy.of(type, options.environment());
        Guard guard = Guard.builder(policy, Void.class)
                .auditSink(options.auditSink())
                .clock(options.clock())
                .budgetStore(options.stores().budget())
                .replayStore(options.stores().replay())
                .build();
        UserHandler user = UserHandler.load(type.getName());
        String fn = options.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", type.getSimpleName());
        return new EntryPipeline(guard, EntryKinds.table(policy, options.clock()), user, fn);
    }

    /** @return the class of the guarded handler */
    public Class<?> handlerClass() {
        return user.type();
    }

    /**
     * Whether an event of a source family may reach the handler at all. The source check leaves a
     * family the allow-list does not name unrestricted, which suits a typed handler (its type already
     * pins the family) but not the drop-in, which takes every kind: with an allow-list declared, an
     * event of a family it does not name (a forged S3 notification sent to an SQS consumer) is denied
     * {@code SOURCE}. HTTP events are placed by their credentials and API ids instead.
     */
    private boolean placeable(Invocation inv) {
        if (allowedFamilies.isEmpty() || inv.source().kind() == SourceKind.HTTP
                || guard.policy().modeFor("source") == Mode.MONITOR) {
            return true;
        }
        for (EventRecord r : inv.records()) {
            String family = r.attributes().get(SourceCheck.ATTR_FAMILY);
            if (family != null && !allowedFamilies.contains(family)) {
                return false;
            }
        }
        return true;
    }

    private static Set<EntryKind> accepted(List<EntryKind> kinds, Optional<Class<?>> input) {
        Set<EntryKind> declared = new HashSet<>();
        if (input.isPresent()) {
            for (EntryKind k : kinds) {
                if (k.eventTypes().contains(input.get())) {
                    declared.add(k);
                }
            }
        }
        if (declared.isEmpty() && input.isPresent() && input.get().getName().startsWith(AWS_EVENTS)) {
            // an AWS event class of a kind the table does not hold: none of its events could be
            // recognised, and every other kind would reach the handler as a garbled event
            List<String> names = kinds.stream().map(EntryKind::name).toList();
            throw new IllegalStateException(UserHandler.ENV_HANDLER + " names a RequestHandler of "
                    + input.get().getSimpleName() + ", an event kind GuardedEntryPoint does not take; it takes "
                    + String.join(", ", names));
        }
        return declared.isEmpty() ? Set.copyOf(kinds) : Set.copyOf(declared);
    }

    /**
     * Runs one invocation.
     *
     * @param in the event
     * @param out the answer
     * @param context the Lambda context, may be null
     * @throws IOException when the answer cannot be written
     */
    public void handle(InputStream in, OutputStream out, Context context) throws IOException {
        String fn = context != null && context.getFunctionName() != null ? context.getFunctionName() : functionName;
        Run run = new Run();
        try {
            EventBytes event = EventBytes.read(in, eventCap);
            EventShape shape = EventShape.of(event.bytes(), event.length());
            run.kind = detect(shape);
            run.http = shape.http();
            if (event.truncated()) {
                run.evaluation = guard.refuse(unreadable(run.kind, context, fn, event.length()),
                        Verdict.deny(Reason.LIMIT_BODY));
            } else if (run.kind == null) {
                run.evaluation = guard.refuse(unreadable(null, context, fn, event.length()),
                        Verdict.deny(Reason.UNSUPPORTED_EVENT));
            } else {
                run.bytes = event.length() == event.bytes().length ? event.bytes()
                        : Arrays.copyOf(event.bytes(), event.length());
                try {
                    run.event = run.kind.mapper().map(run.bytes, context, fn);
                } catch (RuntimeException e) {
                    LOG.warn("{} event refused by the deserializer: {}", run.kind.name(), Throwables.describe(e));
                    run.evaluation = guard.refuse(unreadable(run.kind, context, fn, run.bytes.length),
                            Verdict.deny(Reason.MALFORMED));
                }
                if (run.event != null) {
                    Invocation inv = run.event.invocation();
                    run.evaluation = !accepted.contains(run.kind) ? guard.refuse(inv, Verdict.deny(Reason.UNSUPPORTED_EVENT))
                            : !placeable(inv) ? guard.refuse(inv, Verdict.deny(Reason.SOURCE))
                            : guard.evaluate(inv);
                }
            }
            Delivery delivery = run.kind == null ? null : run.kind.delivery();
            if (delivery == Delivery.HTTP) {
                http(run, context);
            } else if (delivery != null) {
                batch(run, context);
            } else {
                Reason reason = run.evaluation.denial().flatMap(Verdict::reason).orElse(Reason.UNSUPPORTED_EVENT);
                run.status = reason.status();
                run.answer = HttpProblem.problem(reason, List.of(), run.evaluation.invocation().requestId());
            }
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError) {
                if (run.evaluation != null) {
                    guard.complete(run.evaluation, Outcome.ERROR, 0, Optional.of(t));
                }
                throw (VirtualMachineError) t;
            }
            failClosed(run, t, context, fn);
        }
        try {
            if (run.answer != null) {
                out.write(run.answer);
            }
        } finally {
            guard.complete(run.evaluation, run.outcome, run.status, Optional.ofNullable(run.error));
        }
        if (run.rethrow) {
            throw new HandlerFailedException(run.evaluation.invocation().requestId());
        }
    }

    private EntryKind detect(EventShape shape) {
        EntryKind found = null;
        for (EntryKind k : kinds) {
            if (k.detector().test(shape)) {
                if (found != null) {
                    return null; // two kinds match: nothing AWS sends, refuse rather than guess
                }
                found = k;
            }
        }
        return found;
    }

    private void http(Run run, Context context) throws IOException {
        Invocation inv = run.evaluation.invocation();
        boolean multi = run.event != null && run.event.multiValueHeaders();
        Optional<Verdict> denial = run.evaluation.denial();
        if (run.event == null || denial.isPresent()) {
            HttpAnswer a = HttpAnswer.denial(guard.policy(), denial.orElse(Verdict.deny(Reason.INTERNAL)), inv);
            run.status = a.status();
            run.answer = httpAnswer(run.http, multi, a);
            return;
        }
        byte[] reply;
        try {
            reply = user.call(run.bytes, context);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vm) {
                throw vm;
            }
            LOG.error("handler failed on request {}: {}", inv.requestId(), Throwables.describe(t));
            run.outcome = Outcome.ERROR;
            run.error = t;
            run.status = 500;
            run.answer = httpAnswer(run.http, multi, HttpAnswer.internalError(inv.requestId()));
            return;
        }
        SecuredReply.Reply secured = SecuredReply.secure(reply, multi);
        run.outcome = Outcome.OK;
        run.status = secured.status();
        run.answer = secured.bytes();
    }

    private static byte[] httpAnswer(HttpEventKind kind, boolean multi, HttpAnswer a) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        HttpResponses.write(buf, kind, multi, a.status(), a.headers(), a.body());
        return buf.toByteArray();
    }

    private void batch(Run run, Context context) throws IOException {
        EntryKind kind = run.kind;
        boolean report = kind.delivery() == Delivery.REPORT;
        if (run.event == null) {
            // nothing could be read: no record ids to report. A queue or stream batch is answered as a
            // whole-batch failure (an empty itemIdentifier), so the platform retries or dead-letters it
            // instead of deleting or checkpointing past records nobody saw; async events are dropped
            LOG.warn("unreadable {} event {} on request {}", kind.name(), report ? "failed whole" : "dropped",
                    run.evaluation.invocation().requestId());
            run.answer = report ? answer(kind, List.of(StreamEvents.WHOLE_BATCH.orElseThrow())) : null;
            return;
        }
        Evaluation evaluation = run.evaluation;
        List<RecordResult> results = evaluation.records();
        String[] ids = run.event.failureIds();
        String[] orderKeys = run.event.orderKeys();
        int n = results.size();
        boolean[] keep = new boolean[n];
        boolean[] failed = new boolean[n];
        Set<String> brokenOrder = new HashSet<>();
        int kept = 0;
        for (int i = 0; i < n; i++) {
            RecordResult r = results.get(i);
            String key = orderKeys[i];
            if (key != null && brokenOrder.contains(key)) {
                failed[i] = true;
                guard.completeRecord(evaluation, r, Outcome.SKIPPED, Optional.empty());
            } else if (!r.deliverable()) {
                guard.completeRecord(evaluation, r, Outcome.SKIPPED, Optional.empty());
                if (report && !guard.policy().sources().dropDenied()) {
                    failed[i] = true;
                    if (key != null) {
                        brokenOrder.add(key);
                    }
                }
            } else {
                keep[i] = true;
                kept++;
            }
        }
        List<String> extra = new ArrayList<>(0);
        if (kept > 0) {
            byte[] userEvent = kept == n ? run.bytes
                    : EntryBatches.keep(run.bytes, kind.recordsField().orElseThrow(
                            () -> new IllegalStateException("kind " + kind.name() + " has records but no field")), keep);
            byte[] reply = null;
            try {
                reply = user.call(userEvent, context);
                run.outcome = Outcome.OK;
            } catch (Throwable t) {
                if (t instanceof VirtualMachineError vm) {
                    throw vm;
                }
                LOG.error("handler failed on {} event of request {}: {}", kind.name(),
                        evaluation.invocation().requestId(), Throwables.describe(t));
                run.outcome = Outcome.ERROR;
                run.error = t;
                for (int i = 0; i < n; i++) {
                    if (keep[i]) {
                        guard.completeRecord(evaluation, results.get(i), Outcome.ERROR, Optional.of(t));
                        failed[i] = report;
                    }
                }
                // an asynchronous source retries a failed invocation: keep that, without the details
                run.rethrow = !report;
            }
            if (reply != null && report) {
                Set<String> reported = new LinkedHashSet<>(EntryBatches.reportedFailures(reply));
                for (int i = 0; i < n; i++) {
                    if (keep[i] && reported.remove(ids[i])) {
                        failed[i] = true;
                        guard.completeRecord(evaluation, results.get(i), Outcome.ERROR, Optional.empty());
                    }
                }
                // ids that name no delivered record are passed on as the handler wrote them
                extra.addAll(reported);
                keepGroupOrder(evaluation, results, orderKeys, keep, failed);
            } else if (reply != null) {
                run.answer = reply;
            }
        }
        if (report) {
            List<String> all = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                if (failed[i] && seen.add(ids[i])) {
                    all.add(ids[i]);
                }
            }
            for (String e : extra) {
                if (seen.add(e)) {
                    all.add(e);
                }
            }
            run.answer = answer(kind, all);
        }
    }

    /**
     * FIFO: a message group stays in order when, after a message the handler reported failed, every
     * later delivered message of its group is reported failed too (they come again, after it).
     */
    private void keepGroupOrder(Evaluation evaluation, List<RecordResult> results, String[] orderKeys,
            boolean[] keep, boolean[] failed) {
        Set<String> broken = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            String key = orderKeys[i];
            if (key == null) {
                continue;
            }
            if (failed[i]) {
                broken.add(key);
            } else if (keep[i] && broken.contains(key)) {
                failed[i] = true;
                guard.completeRecord(evaluation, results.get(i), Outcome.SKIPPED, Optional.empty());
            }
        }
    }

    private static byte[] answer(EntryKind kind, List<String> failedIds) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        kind.answer().orElseThrow().write(failedIds, buf);
        return buf.toByteArray();
    }

    private void failClosed(Run run, Throwable t, Context context, String fn) {
        LOG.error("guard failed: {}", Throwables.describe(t));
        if (run.evaluation == null) {
            run.evaluation = guard.refuse(unreadable(run.kind, context, fn, 0), Verdict.deny(Reason.INTERNAL));
        }
        if (run.outcome == Outcome.SKIPPED && run.evaluation.denial().isEmpty()) {
            run.outcome = Outcome.ERROR;
        }
        run.error = run.error == null ? t : run.error;
        run.rethrow = false;
        String requestId = run.evaluation.invocation().requestId();
        Delivery delivery = run.kind == null ? null : run.kind.delivery();
        try {
            if (delivery == Delivery.HTTP) {
                run.status = 500;
                run.answer = httpAnswer(run.http, run.event != null && run.event.multiValueHeaders(),
                        HttpAnswer.internalError(requestId));
            } else if (delivery == Delivery.REPORT) {
                // fail closed: every record is reported failed, so the platform retries them
                run.answer = answer(run.kind, run.event == null ? List.of()
                        : new ArrayList<>(new LinkedHashSet<>(Arrays.asList(run.event.failureIds()))));
            } else if (delivery == null) {
                run.status = 500;
                run.answer = HttpProblem.internalError(requestId);
            } else {
                run.answer = null;
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("answer failed: {}", Throwables.describe(e));
            run.answer = null;
        }
    }

    private static Invocation unreadable(EntryKind kind, Context ctx, String fn, int size) {
        String id = LambdaContexts.requestId(ctx);
        Source source = kind == null ? Source.of(SourceKind.UNKNOWN, "unknown", null) : kind.source();
        return Invocation.builder().requestId(id).functionName(fn).source(source).eventBytes(size).build();
    }

    /** The state of one invocation as it goes through the pipeline. */
    private static final class Run {
        EntryKind kind;
        HttpEventKind http = HttpEventKind.NONE;
        byte[] bytes;
        EntryEvent event;
        Evaluation evaluation;
        Outcome outcome = Outcome.SKIPPED;
        Throwable error;
        int status;
        byte[] answer;
        boolean rethrow;
    }
}
