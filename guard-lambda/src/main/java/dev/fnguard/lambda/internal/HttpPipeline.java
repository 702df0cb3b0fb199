package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.GuardContext;
import dev.fnguard.HttpReply;
import dev.fnguard.Invocation;
import dev.fnguard.Outcome;
import dev.fnguard.Reason;
import dev.fnguard.RecordResult;
import dev.fnguard.Verdict;
import dev.fnguard.internal.HttpProblem;
import dev.fnguard.internal.Json;
import dev.fnguard.internal.Throwables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP invocation on Lambda, end to end: read the event under the limit, map it, evaluate it,
 * call user code only when allowed, answer in the event's shape, and audit exactly once, whatever
 * happens (user code throwing, the guard failing, the answer failing to serialize).
 *
 * <p>When the budget gives user code a deadline ({@code @Budget(maxMillis)} or a reserve of the
 * platform's remaining time), user code runs on a worker thread of a cached daemon pool created once
 * per pipeline; on expiry the caller is answered 503 {@code TIMEOUT} at once, the handler is
 * interrupted, and the audit event has outcome {@code timeout}, even if the handler ignores the
 * interruption and keeps running.
 *
 * @param <I> the payload type
 * @param <O> the reply body type
 */
public final class HttpPipeline<I, O> {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    /**
     * User code, as the pipeline calls it.
     *
     * @param <I> payload type
     * @param <O> reply body type
     */
    @FunctionalInterface
    public interface UserCode<I, O> {
        /**
         * Handles a validated payload.
         *
         * @param payload the payload
         * @param context the guard context
         * @return the reply
         * @throws Exception anything; answered as a generic 500
         */
        HttpReply<O> handle(I payload, GuardContext context) throws Exception;
    }

    private final Guard guard;
    private final String functionName;
    private final int eventCap;
    private final Class<I> payloadType;
    private final ExecutorService worker;

    /**
     * Creates the pipeline for a compiled guard.
     *
     * @param guard the guard
     * @param payloadType the payload class
     * @param functionName the function name for audit events when the context gives none
     */
    public HttpPipeline(Guard guard, Class<I> payloadType, String functionName) {
        this.guard = guard;
        this.payloadType = payloadType;
        this.functionName = functionName;
        this.eventCap = guard.policy().limits().maxEventBytes();
        boolean deadline = guard.policy().budget().maxMillis() > 0 || guard.policy().budget().reserveMillis() > 0;
        this.worker = deadline ? Executors.newCachedThreadPool(daemonThreads()) : null;
        startPriming();
    }

    /**
     * Creates AWS's serializers for the HTTP API v2 format (the most common front door) on a daemon
     * thread, and runs a synthetic event and answer through them so that their bean (de)serializers
     * exist before the first event, overlapping the rest of the function's init (call it first thing
     * in a handler's constructor); other formats are created on their first event. {@link #primeAll()} creates them
     * all, for snapshots.
     */
    public static void startPriming() {
        Priming.touch();
    }

    /** Class initialization runs once per class loader: the priming thread starts once. */
    private static final class Priming {
        static {
            Thread t = new Thread(HttpPipeline::primeHttpApi, "fnguard-serializer-prime");
            t.setDaemon(true);
            t.start();
        }

        static void touch() {
            // loading this class starts the priming thread
        }
    }

    private static void primeHttpApi() {
        try {
            HttpEvents.prime(HttpEventKind.APIGW_HTTP);
            HttpResponses.prime(HttpEventKind.APIGW_HTTP);
            // AWS's serializers build their bean (de)serializers on first use: read a synthetic event and
            // write an answer here, so the first real event does not pay for it
            byte[] v2 = syntheticV2("POST");
            HttpEvents.map(HttpEventKind.APIGW_HTTP, v2, v2.length, null, "fnguard-prime");
            HttpResponses.write(java.io.OutputStream.nullOutputStream(), HttpEventKind.APIGW_HTTP, false, 200,
                    HttpProblem.headers(Map.of(), HttpProblem.JSON),
                    "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException | LinkageError e) {
            // best effort: the first event creates what is missing
        }
    }

    /** Creates the serializers of every HTTP format now (SnapStart/CRaC priming). */
    public static void primeAll() {
        for (HttpEventKind kind : new HttpEventKind[] {HttpEventKind.APIGW_HTTP, HttpEventKind.APIGW_REST,
                HttpEventKind.ALB}) {
            HttpEvents.prime(kind);
            HttpResponses.prime(kind);
        }
    }

    /**
     * Runs a synthetic event of every HTTP format through this pipeline without user code, audit or
     * stateful checks (see {@link Guard#prime}), to warm it before a snapshot.
     *
     * @return the evaluations of the synthetic events, for inspection
     */
    public java.util.List<Evaluation> prime() {
        primeAll();
        String method = guard.policy().http().methods().isEmpty() ? "POST" : guard.policy().http().methods().get(0);
        byte[] bytes = syntheticV2(method);
        HttpEventKind kind = HttpEventKind.detect(bytes);
        HttpEvent event = HttpEvents.map(kind, bytes, null, functionName);
        Evaluation e = guard.prime(event.invocation());
        java.io.OutputStream discard = java.io.OutputStream.nullOutputStream();
        for (HttpEventKind k : new HttpEventKind[] {HttpEventKind.APIGW_HTTP, HttpEventKind.APIGW_REST,
                HttpEventKind.ALB}) {
            HttpResponses.write(discard, k, false, 400, HttpProblem.headers(Map.of(), HttpProblem.PROBLEM_JSON),
                    HttpProblem.problem(Reason.CONSTRAINT, java.util.List.of("x:NotNull"), "fnguard-prime"));
        }
        try {
            Json.WRITER.writeValueAsBytes(Map.of("primed", true));
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return java.util.List.of(e);
    }

    /** A synthetic HTTP API v2 event with an empty JSON body, for priming; never a real request. */
    private static byte[] syntheticV2(String method) {
        String v2 = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/fnguard-prime\","
                + "\"headers\":{\"content-type\":\"application/json\",\"x-forwarded-proto\":\"https\"},"
                + "\"requestContext\":{\"apiId\":\"fnguard-prime\",\"requestId\":\"fnguard-prime\","
                + "\"http\":{\"method\":\"" + method + "\",\"path\":\"/fnguard-prime\",\"sourceIp\":\"127.0.0.1\"}},"
                + "\"body\":\"{}\",\"isBase64Encoded\":false}";
        return v2.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Runs one invocation.
     *
     * @param in the event bytes as the runtime passes them
     * @param out where the answer goes
     * @param context the Lambda context, may be null outside Lambda
     * @param user the user's code
     * @throws IOException when the answer cannot be written
     */
    public void handle(InputStream in, OutputStream out, Context context, UserCode<I, O> user) throws IOException {
        String fn = context != null && context.getFunctionName() != null ? context.getFunctionName() : functionName;
        HttpEventKind kind = HttpEventKind.APIGW_HTTP;
        boolean multiValue = false;
        Evaluation evaluation = null;
        Outcome outcome = Outcome.SKIPPED;
        int status = 500;
        Throwable error = null;
        Map<String, String> headers = HttpProblem.headers(Map.of(), HttpProblem.PROBLEM_JSON);
        byte[] body = null;
        try {
            EventBytes event = EventBytes.read(in, eventCap);
            kind = HttpEventKind.detect(event.bytes(), event.length());
            if (event.truncated()) {
                evaluation = guard.refuse(HttpEvents.unreadable(kind, context, fn, event.length()),
                        Verdict.deny(Reason.LIMIT_BODY));
            } else if (kind == HttpEventKind.NONE) {
                evaluation = guard.refuse(HttpEvents.unreadable(kind, context, fn, event.length()),
                        Verdict.deny(Reason.UNSUPPORTED_EVENT));
            } else {
                HttpEvent mapped = null;
                try {
                    mapped = HttpEvents.map(kind, event.bytes(), event.length(), context, fn);
                } catch (RuntimeException e) {
                    // AWS's deserializer refused the envelope: not a well-formed event of this kind
                    evaluation = guard.refuse(HttpEvents.unreadable(kind, context, fn, event.length()),
                            Verdict.deny(Reason.MALFORMED));
                }
                if (mapped != null) {
                    multiValue = mapped.multiValueHeaders();
                    evaluation = guard.evaluate(mapped.invocation());
                }
            }
            Invocation inv = evaluation.invocation();
            Optional<Verdict> denial = evaluation.denial();
            if (denial.isPresent()) {
                HttpAnswer answer = HttpAnswer.denial(guard.policy(), denial.get(), inv);
                status = answer.status();
                headers = answer.headers();
                body = answer.body();
            } else {
                RecordResult only = evaluation.records().get(0);
                I payload = payloadType.cast(only.payload().orElse(null));
                HttpReply<O> reply;
                try {
                    long userMillis = guard.policy().budget().userMillis(inv.remainingMillis());
                    GuardContext ctx = new GuardContext(inv, evaluation.caller(), userMillis);
                    reply = worker == null || userMillis == Long.MAX_VALUE ? user.handle(payload, ctx)
                            : withDeadline(user, payload, ctx, userMillis);
                    if (reply == null) {
                        throw new IllegalStateException("handler returned null instead of an HttpReply");
                    }
                } catch (DeadlineExceeded d) {
                    LOG.warn("handler ran past its deadline on request {}", inv.requestId());
                    outcome = Outcome.TIMEOUT;
                    status = Reason.TIMEOUT.status();
                    body = HttpProblem.problem(Reason.TIMEOUT, List.of(), inv.requestId());
                    reply = null;
                } catch (Throwable t) {
                    if (t instanceof VirtualMachineError) {
                        throw t;
                    }
                    outcome = Outcome.ERROR;
                    error = t;
                    LOG.error("handler failed on request {}: {}", inv.requestId(), Throwables.describe(t));
                    status = 500;
                    body = HttpProblem.internalError(inv.requestId());
                    reply = null;
                }
                if (reply != null) {
                    byte[] replyBody = null;
                    try {
                        replyBody = reply.body().isPresent() ? Json.WRITER.writeValueAsBytes(reply.body().get()) : null;
                        outcome = Outcome.OK;
                        status = reply.status();
                        body = replyBody;
                        headers = HttpProblem.headers(reply.headers(), replyBody == null ? null : HttpProblem.JSON);
                    } catch (IOException | RuntimeException e) {
                        outcome = Outcome.ERROR;
                        error = e;
                        LOG.error("reply of request {} could not be serialized: {}", inv.requestId(),
                                Throwables.describe(e));
                        status = 500;
                        body = HttpProblem.internalError(inv.requestId());
                    }
                }
            }
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && evaluation != null) {
                guard.complete(evaluation, Outcome.ERROR, 500, Optional.of(t));
                throw (VirtualMachineError) t;
            }
            // a failure of the guard itself: fail closed, generic answer
            LOG.error("guard failed: {}", Throwables.describe(t));
            if (evaluation == null) {
                evaluation = guard.refuse(HttpEvents.unreadable(kind, context, fn, 0), Verdict.deny(Reason.INTERNAL));
            } else if (outcome == Outcome.SKIPPED && evaluation.denial().isEmpty()) {
                outcome = Outcome.ERROR;
                error = t;
            }
            status = 500;
            headers = HttpProblem.headers(Map.of(), HttpProblem.PROBLEM_JSON);
            body = HttpProblem.internalError(evaluation.invocation().requestId());
        }
        try {
            ByteArrayOutputStream answer = new ByteArrayOutputStream(512);
            HttpResponses.write(answer, kind, multiValue, status, headers, body);
            answer.writeTo(out);
        } finally {
            guard.complete(evaluation, outcome, status, Optional.ofNullable(error));
        }
    }

    private HttpReply<O> withDeadline(UserCode<I, O> user, I payload, GuardContext ctx, long millis)
            throws Throwable {
        Future<HttpReply<O>> f = worker.submit(() -> user.handle(payload, ctx));
        try {
            return f.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw DeadlineExceeded.INSTANCE;
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "fnguard-handler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** User code ran past its deadline; no stack trace, it is a verdict, not a bug. */
    private static final class DeadlineExceeded extends Exception {
        private static final long serialVersionUID = 1L;
        static final DeadlineExceeded INSTANCE = new DeadlineExceeded();

        private DeadlineExceeded() {
            super("deadline exceeded", null, false, false);
        }
    }


}
