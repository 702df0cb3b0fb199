package dev.fnguard;

import java.util.Locale;

/** What happened to user code in an invocation, as written to the audit event's {@code outcome}. */
public enum Outcome {
    /** User code ran and returned. */
    OK,
    /** User code threw. */
    ERROR,
    /** User code was not called: the guard denied the event. */
    SKIPPED,
    /** User code ran past its deadline. */
    TIMEOUT;

    /** @return the lower-case wire name */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
