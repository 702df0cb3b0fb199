package dev.fnguard;

import java.util.Locale;

/** The outcome of a check or of a whole invocation: allow, deny, or flag (a denial in monitor mode). */
public enum Decision {
    /** Nothing objectionable was found. */
    ALLOW,
    /** The event (or record) is refused; user code does not see it. */
    DENY,
    /** A check would have denied, but runs in monitor mode: audited, then let through. */
    FLAG;

    /** The lower-case name, computed once (audit lines write it for every check). */
    private final String wire = name().toLowerCase(Locale.ROOT);

    /**
     * The lower-case name used in audit events ({@code allow}, {@code deny}, {@code flag}).
     *
     * @return the wire name
     */
    public String wireName() {
        return wire;
    }
}
