package dev.fnguard.auth.internal;

import dev.fnguard.Caller;
import dev.fnguard.Reason;
import dev.fnguard.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * What one way of verifying callers made of an invocation: no credential of its kind, a verified
 * caller, or a refusal.
 *
 * @param state which of the three
 * @param caller the verified caller, for {@link State#VERIFIED}
 * @param denial the refusal, for {@link State#REFUSED}
 */
record Authentication(State state, Caller caller, Verdict denial) {

    private static final Authentication ABSENT = new Authentication(State.ABSENT, null, null);

    enum State { ABSENT, VERIFIED, REFUSED }

    static Authentication absent() {
        return ABSENT;
    }

    static Authentication verified(Caller caller) {
        return new Authentication(State.VERIFIED, Objects.requireNonNull(caller), null);
    }

    /**
     * A refusal; {@code detail} goes to the audit event as {@code method:detail}, never to the caller.
     */
    static Authentication refused(Reason reason, String method, String detail) {
        return new Authentication(State.REFUSED, null, Verdict.deny(reason, List.of(method + ":" + detail)));
    }

    /** A refusal the caller may retry after a while (key endpoint down). */
    static Authentication refused(Reason reason, String method, String detail, java.time.Duration retryAfter) {
        return new Authentication(State.REFUSED, null,
                Verdict.deny(reason, List.of(method + ":" + detail)).withRetryAfter(retryAfter));
    }
}
