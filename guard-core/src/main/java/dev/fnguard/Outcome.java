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

    /** The lower-case name, computed once (audit lines write it for every check). */
    private final String wire = name().toLowerCase(Locale.ROOT);

    /** @return the lower-case wire name */
    public String wireName() {
        return wire;
    }
}
