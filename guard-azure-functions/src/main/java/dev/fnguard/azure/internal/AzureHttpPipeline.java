package dev.fnguard.azure.internal;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.GuardContext;
import dev.fnguard.HttpReply;
import dev.fnguard.Invocation;
import dev.fnguard.Outcome;
import dev.fnguard.Reason;
import dev.fnguard.Verdict;
import dev.fnguard.azure.HttpFunction;
import dev.fnguard.internal.HttpProblem;
import dev.fnguard.internal.Json;
import dev.fnguard.internal.Throwables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP invocation on Azure Functions, end to end, inside the function: map the request, evaluate
 * it, call the user's code only when allowed, answer with the same statuses, problem documents and
 * security headers as on Lambda, and audit exactly once whatever happens.
 *
 * <p>Compiled once per function; thread-safe.
 */
public final class AzureHttpPipeline {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    private final Guard guard;
    private final Class<?> payloadType;
    private final int eventCap;
    private final boolean refuseAll;

    /**
     * Creates the pipeline.
     *
     * @param guard the function's guard
     * @param payloadType the payload class
     */
    public AzureHttpPipeline(Guard guard, Class<?> payloadType) {
        this(guard, payloadType, false);
    }

    private AzureHttpPipeline(Guard guard, Class<?> payloadType, boolean refuseAll) {
        this.guard = guard;
        this.payloadType = payloadType;
        this.eventCap = guard.policy().limits().maxEventBytes();
        this.refuseAll = refuseAll;
    }

    /**
     * A pipeline for a function that could not be compiled (a bad setting, a function reference the
     * guard cannot read): every request is answered 500 and audited as {@code INTERNAL} (fail closed).
     *
     * @param guard a guard with the default policy, for auditing
     * @return the pipeline
     */
    public static AzureHttpPipeline refusing(Guard guard) {
        return new AzureHttpPipeline(guard, Void.class, true);
    }

    /** @return the guard */
    public Guard guard() {
        return guard;
    }

    /**
     * Runs one request.
     *
     * @param request the request
     * @param context the execution context
     * @param function the user's code
     * @param <I> payload type
     * @param <O> reply type
     * @return the response
     */
    @SuppressWarnings("unchecked")
    public <I, O> HttpResponseMessage handle(HttpRequestMessage<?> request, ExecutionContext context,
            HttpFunction<I, O> function) {
        Evaluation evaluation = null;
        Outcome outcome = Outcome.SKIPPED;
        int status = 500;
        Throwable error = null;
        Map<String, String> headers = HttpProblem.headers(Map.of(), HttpProblem.PROBLEM_JSON);
        byte[] body = null;
        try {
            HttpExchange.Mapped mapped = HttpExchange.map(request, context, eventCap);
            evaluation = refuseAll ? guard.refuse(mapped.invocation(), Verdict.deny(Reason.INTERNAL))
                    : mapped.refusal().isPresent()
                    ? guard.refuse(mapped.invocation(), Verdict.deny(mapped.refusal().get()))
                    : guard.evaluate(mapped.invocation());
            Invocation inv = evaluation.invocation();
            Optional<Verdict> denial = evaluation.denial();
            if (denial.isPresent()) {
                Reason reason = denial.get().reason().orElseThrow();
                status = reason.status();
                body = HttpProblem.problem(reason, denial.get().fields(), inv.requestId());
                if (denial.get().retryAfter().isPresent()) {
                    long seconds = Math.max(1, (denial.get().retryAfter().get().toMillis() + 999) / 1000);
                    headers = withHeader(headers, "Retry-After", Long.toString(seconds));
                }
                if (reason == Reason.METHOD && !guard.policy().http().methods().isEmpty()) {
                    headers = withHeader(headers, "Allow", String.join(", ", guard.policy().http().methods()));
                }
            } else {
                I payload = (I) payloadType.cast(evaluation.records().get(0).payload().orElse(null));
                HttpReply<O> reply;
                try {
                    reply = function.handle(payload, new GuardContext(inv, evaluation.caller()));
                    if (reply == null) {
                        throw new IllegalStateException("function returned null instead of an HttpReply");
                    }
                    byte[] replyBody = reply.body().isPresent() ? Json.WRITER.writeValueAsBytes(reply.body().get())
                            : null;
                    outcome = Outcome.OK;
                    status = reply.status();
                    body = replyBody;
                    headers = HttpProblem.headers(reply.headers(), replyBody == null ? null : HttpProblem.JSON);
                } catch (Throwable t) {
                    if (t instanceof VirtualMachineError) {
                        throw t;
                    }
                    outcome = Outcome.ERROR;
                    error = t;
                    LOG.error("function failed on invocation {}: {}", inv.requestId(), Throwables.describe(t));
                    status = 500;
                    headers = HttpProblem.headers(Map.of(), HttpProblem.PROBLEM_JSON);
                    body = HttpProblem.internalError(inv.requestId());
                }
            }
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && evaluation != null) {
                guard.complete(evaluation, Outcome.ERROR, 500, Optional.of(t));
                throw (VirtualMachineError) t;
            }
            LOG.error("guard failed: {}", Throwables.describe(t));
            if (evaluation == null) {
                Invocation unreadable = Invocation.builder()
                        .requestId(AzureIds.invocationId(context))
                        .functionName(AzureIds.functionName(context))
                        .source(dev.fnguard.Source.of(dev.fnguard.SourceKind.HTTP, TriggerKind.HTTP.type(), null))
                        .build();
                evaluation = guard.refuse(unreadable, Verdict.deny(Reason.INTERNAL));
            } else if (outcome == Outcome.SKIPPED && evaluation.denial().isEmpty()) {
                outcome = Outcome.ERROR;
                error = t;
            }
            status = 500;
            headers = HttpProblem.headers(Map.of(), HttpProblem.PROBLEM_JSON);
            body = HttpProblem.internalError(evaluation.invocation().requestId());
        }
        try {
            return HttpExchange.respond(request, status, headers, body);
        } finally {
            guard.complete(evaluation, outcome, status, Optional.ofNullable(error));
        }
    }

    private static Map<String, String> withHeader(Map<String, String> h, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(h);
        copy.put(name, value);
        return copy;
    }
}
