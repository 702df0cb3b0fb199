package dev.fnguard;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one check: allow, or deny with a stable {@link Reason} and the field paths involved.
 *
 * <p>A verdict never carries payload content: {@link #fields()} holds field paths and constraint
 * names (for example {@code sku:Pattern}), safe to show to callers and to audit.
 *
 * @param decision allow, deny or flag
 * @param reason the reason code, empty when allowed
 * @param fields field paths (with constraint names where known) that caused the denial
 * @param retryAfter when a refused caller may try again (budgets), for {@code Retry-After}
 */
public record Verdict(Decision decision, Optional<Reason> reason, List<String> fields, Optional<Duration> retryAfter) {

    private static final Verdict ALLOW = new Verdict(Decision.ALLOW, Optional.empty(), List.of(), Optional.empty());

    /**
     * Checks the invariants: a non-allow verdict has a reason, an allow has none.
     *
     * @param decision allow, deny or flag
     * @param reason the reason code, empty when allowed
     * @param fields field paths
     * @param retryAfter when to retry, if known
     */
    public Verdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        fields = List.copyOf(fields);
        Objects.requireNonNull(retryAfter, "retryAfter");
        if ((decision == Decision.ALLOW) != reason.isEmpty()) {
            throw new IllegalArgumentException("a " + decision + " verdict "
                    + (reason.isEmpty() ? "needs a reason" : "takes no reason"));
        }
    }

    /**
     * The shared allow verdict.
     *
     * @return allow
     */
    public static Verdict allow() {
        return ALLOW;
    }

    /**
     * A denial with no field paths.
     *
     * @param reason the reason code
     * @return deny
     */
    public static Verdict deny(Reason reason) {
        return new Verdict(Decision.DENY, Optional.of(reason), List.of(), Optional.empty());
    }

    /**
     * A denial naming the fields involved.
     *
     * @param reason the reason code
     * @param fields field paths, optionally with {@code :Constraint}
     * @return deny
     */
    public static Verdict deny(Reason reason, List<String> fields) {
        return new Verdict(Decision.DENY, Optional.of(reason), fields, Optional.empty());
    }

    /**
     * Whether this verdict lets the event go on.
     *
     * @return true unless the decision is deny
     */
    public boolean passes() {
        return decision != Decision.DENY;
    }

    /**
     * This verdict as seen in monitor mode: a denial becomes a flag.
     *
     * @return a flag for a denial, otherwise this
     */
    public Verdict asFlag() {
        return decision == Decision.DENY ? new Verdict(Decision.FLAG, reason, fields, retryAfter) : this;
    }

    /**
     * A copy that tells the caller when to retry.
     *
     * @param after the wait
     * @return the copy
     */
    public Verdict withRetryAfter(Duration after) {
        return new Verdict(decision, reason, fields, Optional.of(after));
    }
}
