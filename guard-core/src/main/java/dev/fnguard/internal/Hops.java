package dev.fnguard.internal;

import dev.fnguard.EventRecord;
import dev.fnguard.Invocation;

/**
 * Reads the hop count of an event for the loop guard, from two carriers: the {@code fnguard-hop}
 * message attribute that guarded functions stamp on what they write (record attribute
 * {@code attr.fnguard-hop}), and the {@code Lineage} field of an X-Ray trace header (the record's own
 * {@code AWSTraceHeader} and the invocation's header).
 *
 * <p>Both are parsed by hand, in one bounded pass, without regular expressions. A {@code Lineage}
 * value is a {@code |}-separated list of entries, each {@code <hash>:<count>} (the first format
 * Lambda used, for example {@code Lineage=a87bd80c:1|68fd508a:5}) or {@code <version>:<hash>:<count>}
 * (the current one, {@code Lineage=1:bd4cecd5:0}); the hop count it gives is the highest count. A
 * value that is not exactly one of these forms is ignored as a whole: the field belongs to AWS, whose
 * format may change, and refusing every event on such a change would take a fleet down. An
 * {@code fnguard-hop} value that is not a plain decimal number is reported as {@link #MALFORMED}:
 * it is the guard's own attribute, and the source check refuses such a record (fail closed).
 */
public final class Hops {

    /** The message attribute (SQS, SNS) and object metadata key that carries the hop count. */
    public static final String ATTRIBUTE = "fnguard-hop";
    /** The record attribute under which mappers put the message attribute {@value #ATTRIBUTE}. */
    public static final String RECORD_ATTRIBUTE = SourceCheck.MESSAGE_ATTRIBUTE_PREFIX + ATTRIBUTE;
    /** What {@link #attribute(String)} returns for a value that is not a hop count. */
    public static final int MALFORMED = -1;

    /** Longer trace headers are not read (Lambda accepts at most 8192 characters). */
    static final int MAX_HEADER = 8192;
    private static final int MAX_DIGITS = 9;
    private static final int MAX_HASH = 32;
    private static final String LINEAGE = "Lineage";

    private Hops() {
    }

    /**
     * The hop count of an invocation: the {@code Lineage} count of its trace header.
     *
     * @param invocation the invocation
     * @return the count, 0 when the header or its lineage is absent or unreadable
     */
    public static int ofInvocation(Invocation invocation) {
        return invocation.traceHeader().map(Hops::lineage).orElse(0);
    }

    /**
     * The hop count a record carries itself: the highest of its {@code fnguard-hop} attribute and the
     * {@code Lineage} count of its own trace header.
     *
     * @param record the record
     * @return the count (0 when it carries none), or {@link #MALFORMED} when {@code fnguard-hop} is unreadable
     */
    public static int ofRecord(EventRecord record) {
        String hop = record.attributes().get(RECORD_ATTRIBUTE);
        int stamped = hop == null ? 0 : attribute(hop);
        if (stamped == MALFORMED) {
            return MALFORMED;
        }
        String header = record.attributes().get(SourceCheck.ATTR_TRACE_HEADER);
        return Math.max(stamped, header == null ? 0 : lineage(header));
    }

    /**
     * Parses an {@code fnguard-hop} value: 1 to 9 decimal digits, nothing else (no sign, space or
     * fraction; the helper that stamps it writes plain integers).
     *
     * @param value the attribute value
     * @return the count, or {@link #MALFORMED}
     */
    public static int attribute(String value) {
        int n = digits(value, 0, value.length());
        return n < 0 ? MALFORMED : n;
    }

    /**
     * The highest count of the {@code Lineage} field of an X-Ray trace header.
     *
     * @param header the header, {@code key=value} fields separated by {@code ;}
     * @return the count, 0 when there is no readable lineage
     */
    public static int lineage(String header) {
        if (header.length() > MAX_HEADER) {
            return 0;
        }
        int best = 0;
        int at = 0;
        while (at <= header.length()) {
            int end = header.indexOf(';', at);
            if (end < 0) {
                end = header.length();
            }
            int from = skipSpaces(header, at, end);
            int to = trimSpaces(header, from, end);
            if (header.startsWith(LINEAGE, from) && from + LINEAGE.length() < to
                    && header.charAt(from + LINEAGE.length()) == '=') {
                best = Math.max(best, lineageValue(header, from + LINEAGE.length() + 1, to));
            }
            at = end + 1;
        }
        return best;
    }

    /** The highest count of a {@code |}-separated lineage value; 0 when any entry is malformed. */
    private static int lineageValue(String s, int from, int to) {
        int best = 0;
        int at = from;
        while (at <= to) {
            int end = s.indexOf('|', at);
            if (end < 0 || end > to) {
                end = to;
            }
            int count = lineageEntry(s, at, end);
            if (count < 0) {
                return 0;
            }
            best = Math.max(best, count);
            at = end + 1;
        }
        return best;
    }

    /** {@code hash:count} or {@code version:hash:count}; the count, or -1 when malformed. */
    private static int lineageEntry(String s, int from, int to) {
        int first = indexOf(s, ':', from, to);
        if (first < 0) {
            return -1;
        }
        int second = indexOf(s, ':', first + 1, to);
        if (second < 0) {
            return hex(s, from, first) ? digits(s, first + 1, to) : -1;
        }
        if (indexOf(s, ':', second + 1, to) >= 0 || digits(s, from, first) < 0 || !hex(s, first + 1, second)) {
            return -1;
        }
        return digits(s, second + 1, to);
    }

    private static int indexOf(String s, char c, int from, int to) {
        int i = s.indexOf(c, from);
        return i < 0 || i >= to ? -1 : i;
    }

    private static boolean hex(String s, int from, int to) {
        if (to - from < 1 || to - from > MAX_HASH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** 1 to 9 decimal digits; the number, or -1. */
    private static int digits(String s, int from, int to) {
        if (to - from < 1 || to - from > MAX_DIGITS) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static int skipSpaces(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        return from;
    }

    private static int trimSpaces(String s, int from, int to) {
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return to;
    }
}
