package dev.fnguard.examples.drill;

import java.util.Objects;

/**
 * What the drill expects of one case: the guard's decision, the status answered (0 when the source
 * has no caller to answer), and the reason code (null for an allowed event).
 *
 * @param decision {@code allow}, {@code deny} or {@code flag}
 * @param status the HTTP status, or 0
 * @param reason the reason code, or null
 */
public record Expect(String decision, int status, String reason) {

    /**
     * Checks the decision.
     *
     * @param decision decision
     * @param status status
     * @param reason reason
     */
    public Expect {
        Objects.requireNonNull(decision, "decision");
    }

    /**
     * Allowed, answered with a status.
     *
     * @param status the status
     * @return the expectation
     */
    public static Expect allow(int status) {
        return new Expect("allow", status, null);
    }

    /**
     * Denied with a status and reason.
     *
     * @param status the status
     * @param reason the reason code
     * @return the expectation
     */
    public static Expect deny(int status, String reason) {
        return new Expect("deny", status, reason);
    }

    /**
     * Flagged (monitor mode) with a status and reason.
     *
     * @param status the status
     * @param reason the reason code
     * @return the expectation
     */
    public static Expect flag(int status, String reason) {
        return new Expect("flag", status, reason);
    }

    @Override
    public String toString() {
        return decision + (status > 0 ? " " + status : "") + (reason == null ? "" : " " + reason);
    }
}
