package dev.fnguard.azure.internal;

import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareChain;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareContext;
import dev.fnguard.Evaluation;
import dev.fnguard.EventRecord;
import dev.fnguard.Guard;
import dev.fnguard.Invocation;
import dev.fnguard.Outcome;
import dev.fnguard.Reason;
import dev.fnguard.RecordResult;
import dev.fnguard.Source;
import dev.fnguard.Verdict;
import dev.fnguard.azure.EventDeniedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One invocation of a function with a single-message string trigger (Queue Storage, Service Bus,
 * string blob, Event Hubs / IoT Hub with cardinality ONE), inside the middleware: read the trigger
 * value, map it, evaluate it, hand the validated payload to the function, audit exactly once.
 *
 * <p>Compiled once per function; thread-safe (its only mutable field is a once-only log flag).
 */
public final class TriggerPipeline {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    private final Guard guard;
    private final TriggerBinding binding;
    private final Source source;
    private final boolean sourceAllowed;
    private final boolean failOnDeny;
    private final int eventCap;
    private final AtomicBoolean unreadableLogged = new AtomicBoolean();

    /**
     * Compiles the pipeline.
     *
     * @param guard the function's guard
     * @param binding its trigger
     * @param allowList the Azure source allow-list
     * @param failOnDeny whether a denied single queue message fails the invocation (retry, then
     *     poison or dead-letter queue) rather than completing it
     */
    public TriggerPipeline(Guard guard, TriggerBinding binding, SourceAllowList allowList, boolean failOnDeny) {
        this.guard = guard;
        this.binding = binding;
        this.source = new Source(binding.kind().sourceKind(), binding.kind().type(), binding.identity());
        this.sourceAllowed = allowList.allows(binding.kind(), binding.identity());
        boolean queue = binding.kind() == TriggerKind.QUEUE || binding.kind() == TriggerKind.SERVICE_BUS;
        this.failOnDeny = failOnDeny && queue;
        this.eventCap = guard.policy().limits().maxEventBytes();
    }

    /** @return the trigger this pipeline guards */
    public TriggerBinding binding() {
        return binding;
    }

    /**
     * Runs one invocation.
     *
     * @param context the worker's middleware context
     * @param chain the rest of the chain (the function)
     * @throws Exception what the function throws, or {@link EventDeniedException} for a denied queue message
     */
    public void run(MiddlewareContext context, MiddlewareChain chain) throws Exception {
        Invocation.Builder base = Invocation.builder()
                .requestId(AzureIds.invocationId(context))
                .traceId(AzureIds.traceId(context))
                .functionName(AzureIds.functionName(context))
                .source(source);
        Evaluation evaluation;
        try {
            evaluation = evaluate(base, context.getParameterValue(binding.bindingName()));
        } catch (RuntimeException e) {
            LOG.error("guard failed on invocation {}: {}", context.getInvocationId(), e.getClass().getName());
            evaluation = guard.refuse(base.build(), Verdict.deny(Reason.INTERNAL));
        }
        runSingle(context, chain, evaluation);
    }

    private Evaluation evaluate(Invocation.Builder base, Object raw) {
        if (!(raw instanceof String text)) {
            if (unreadableLogged.compareAndSet(false, true)) {
                LOG.warn("fnguard: the worker gave no string value for trigger '{}' of {} ({}); such invocations "
                        + "are refused. Declare the trigger with dataType = \"string\"", binding.bindingName(),
                        source.type(), raw == null ? "null" : raw.getClass().getName());
            }
            return guard.refuse(base.build(), Verdict.deny(Reason.UNSUPPORTED_EVENT));
        }
        if (text.length() > eventCap) {
            // a UTF-8 encoding is at least as long as the string: too large, without encoding it
            return guard.refuse(base.eventBytes(text.length()).records(List.of(new EventRecord("0", new byte[0],
                    Map.of()))).build(), Verdict.deny(Reason.LIMIT_BODY));
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        base.eventBytes(bytes.length);
        if (!sourceAllowed) {
            return guard.refuse(base.records(List.of(new EventRecord("0", bytes, Map.of()))).build(),
                    Verdict.deny(Reason.SOURCE));
        }
        return guard.evaluate(base.records(List.of(new EventRecord("0", bytes, Map.of()))).build());
    }

    private void runSingle(MiddlewareContext context, MiddlewareChain chain, Evaluation evaluation)
            throws Exception {
        Optional<Verdict> denial = evaluation.denial();
        if (denial.isPresent()) {
            guard.complete(evaluation, Outcome.SKIPPED, 0, Optional.empty());
            if (failOnDeny) {
                throw new EventDeniedException(denial.get().reason().orElse(Reason.INTERNAL),
                        evaluation.invocation().requestId());
            }
            return;
        }
        RecordResult only = evaluation.records().get(0);
        if (!binding.deliversText()) {
            deliver(context, only.payload().orElse(null), evaluation);
        }
        callFunction(context, chain, evaluation);
    }

    /** Hands the payload to the worker; if that fails, the invocation is refused, audited, and fails. */
    private void deliver(MiddlewareContext context, Object value, Evaluation evaluation) {
        try {
            context.updateParameterValue(binding.bindingName(), java.util.Objects.requireNonNull(value, "payload"));
        } catch (RuntimeException e) {
            LOG.error("guard failed on invocation {}: {}", evaluation.invocation().requestId(),
                    e.getClass().getName());
            guard.complete(guard.refuse(evaluation.invocation(), Verdict.deny(Reason.INTERNAL)), Outcome.SKIPPED, 0,
                    Optional.empty());
            throw new EventDeniedException(Reason.INTERNAL, evaluation.invocation().requestId());
        }
    }

    private void callFunction(MiddlewareContext context, MiddlewareChain chain, Evaluation evaluation)
            throws Exception {
        Outcome outcome = Outcome.ERROR;
        Throwable error = null;
        Evaluation audited = evaluation;
        try {
            chain.doNext(context);
            outcome = Outcome.OK;
        } catch (EventDeniedException denied) {
            // the function refused what only it can see (a blob name): audit that denial instead
            audited = guard.refuse(evaluation.invocation(), Verdict.deny(denied.reason()));
            outcome = Outcome.SKIPPED;
            if (failOnDeny) {
                throw denied;
            }
        } catch (Throwable t) {
            error = t;
            throw t;
        } finally {
            guard.complete(audited, outcome, 0, Optional.ofNullable(error));
        }
    }
}
