package dev.fnguard;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What user code may know about the invocation besides its payload: ids, the verified caller, the
 * route and the HTTP inputs, and the time left.
 */
public final class GuardContext {

    private final Invocation invocation;
    private final Caller caller;
    private final long deadlineNanos;

    /**
     * Creates the context handed to user code.
     *
     * @param invocation the invocation
     * @param caller the verified caller
     */
    public GuardContext(Invocation invocation, Caller caller) {
        this(invocation, caller, invocation.remainingMillis());
    }

    /**
     * Creates the context with the time user code may run (its budget), which may be shorter than what
     * remains of the platform's timeout.
     *
     * @param invocation the invocation
     * @param caller the verified caller
     * @param budgetMillis milliseconds user code may run ({@code Long.MAX_VALUE} if unbounded)
     */
    public GuardContext(Invocation invocation, Caller caller, long budgetMillis) {
        this.invocation = invocation;
        this.caller = caller;
        long remaining = Math.min(budgetMillis, invocation.remainingMillis());
        this.deadlineNanos = remaining == Long.MAX_VALUE ? Long.MAX_VALUE
                : System.nanoTime() + remaining * 1_000_000L;
    }

    /** @return the platform's request id, to put in logs and replies */
    public String requestId() {
        return invocation.requestId();
    }

    /** @return the trace id, if the platform gave one */
    public Optional<String> traceId() {
        return invocation.traceId();
    }

    /**
     * The hop count of this invocation for the loop guard: the {@code Lineage} count of its X-Ray trace
     * header, 0 when there is none (an HTTP request from a client, an event no function wrote). Stamp
     * {@code hop() + 1} on what the function writes, see {@code dev.fnguard.lambda.LoopGuard}.
     *
     * @return the count, at least 0
     */
    public int hop() {
        return dev.fnguard.internal.Hops.ofInvocation(invocation);
    }

    /** @return the verified caller, or anonymous */
    public Caller caller() {
        return caller;
    }

    /** @return where the event came from */
    public Source source() {
        return invocation.source();
    }

    /** @return the route ({@code POST /orders} or the gateway's route key), empty for non-HTTP events */
    public Optional<String> route() {
        return invocation.http().map(HttpRequest::route);
    }

    /** @return the HTTP method, empty for non-HTTP events */
    public Optional<String> method() {
        return invocation.http().map(HttpRequest::method);
    }

    /** @return the request path, empty for non-HTTP events */
    public Optional<String> path() {
        return invocation.http().map(HttpRequest::path);
    }

    /** @return the request headers (empty for non-HTTP events) */
    public Headers headers() {
        return invocation.http().map(HttpRequest::headers).orElse(Headers.empty());
    }

    /** @return query parameters (empty for non-HTTP events) */
    public Map<String, List<String>> queryParameters() {
        return invocation.http().map(HttpRequest::queryParameters).orElse(Map.of());
    }

    /** @return path parameters (empty for non-HTTP events) */
    public Map<String, String> pathParameters() {
        return invocation.http().map(HttpRequest::pathParameters).orElse(Map.of());
    }

    /** @return the client address, when known */
    public Optional<String> sourceIp() {
        return invocation.http().flatMap(HttpRequest::sourceIp);
    }

    /**
     * @return milliseconds left before the platform ends the invocation or the guard's deadline for
     *     user code ({@code @Budget(maxMillis)}) expires, whichever is first ({@code Long.MAX_VALUE} if unknown)
     */
    public long remainingMillis() {
        if (deadlineNanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }
}
