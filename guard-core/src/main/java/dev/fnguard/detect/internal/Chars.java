package dev.fnguard.detect.internal;

/**
 * Which ASCII characters a decoded string holds, and whether it holds any character beyond ASCII,
 * read in one pass before the detectors run. Each detector first asks whether the characters that
 * every one of its markers needs are present, and skips the scans that could not match: the
 * questions ({@link #has}, {@link #any}) are only ever necessary conditions, so an answer is the
 * same as without them ({@link #withoutSkips} answers them all with yes; {@code CharsGateTest}
 * compares both over the corpora). A detector rule that itself depends on whether a character is
 * present asks {@link #holds}, which is exact either way.
 */
final class Chars {

    private final long lo;
    private final long hi;
    private final boolean other;
    private final boolean skips;

    private Chars(long lo, long hi, boolean other, boolean skips) {
        this.lo = lo;
        this.hi = hi;
        this.other = other;
        this.skips = skips;
    }

    /** @param s the string @return the characters it holds */
    static Chars of(String s) {
        return scan(s, true);
    }

    /** @param s the string @return its characters, with every skip turned off: the reference for tests */
    static Chars withoutSkips(String s) {
        return scan(s, false);
    }

    private static Chars scan(String s, boolean skips) {
        long lo = 0;
        long hi = 0;
        boolean other = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 64) {
                lo |= 1L << c;
            } else if (c < 128) {
                hi |= 1L << (c - 64);
            } else {
                other = true;
            }
        }
        return new Chars(lo, hi, other, skips);
    }

    /**
     * For a skip: whether the string may hold {@code c} (without skips: always).
     *
     * @param c a character
     * @return whether the string holds it (any character beyond ASCII: whether it holds one)
     */
    boolean has(char c) {
        return !skips || holds(c);
    }

    /**
     * For a rule: whether the string holds {@code c}, exactly.
     *
     * @param c a character
     * @return whether the string holds it (any character beyond ASCII: whether it holds one)
     */
    boolean holds(char c) {
        if (c < 64) {
            return (lo >>> c & 1L) != 0;
        }
        if (c < 128) {
            return (hi >>> (c - 64) & 1L) != 0;
        }
        return other;
    }

    /** @param set a set built by {@link #set} @return whether the string holds any ASCII character of it, exactly */
    boolean holdsAny(long[] set) {
        return (lo & set[0]) != 0 || (hi & set[1]) != 0;
    }

    /** @return whether the string holds a character beyond ASCII, exactly */
    boolean holdsBeyondAscii() {
        return other;
    }

    /** The ASCII capitals, as bits of {@code hi} ('A' is 65, bit 1). */
    private static final long CAPITALS = 0x7FFFFFEL;

    /** @return the characters of the same string with its ASCII capitals lower-cased */
    Chars lowered() {
        return new Chars(lo, hi & ~CAPITALS | (hi & CAPITALS) << 32, other, skips);
    }

    /** @param set a set built by {@link #set} @return whether the string holds any ASCII character of it */
    boolean any(long[] set) {
        return !skips || (lo & set[0]) != 0 || (hi & set[1]) != 0;
    }

    /** @return for a skip: whether the string may hold a character beyond ASCII (without skips: always) */
    boolean beyondAscii() {
        return !skips || other;
    }

    /** @param chars ASCII characters @return them as a set for {@link #any} */
    static long[] set(String chars) {
        long[] set = new long[2];
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c >= 128) {
                throw new IllegalArgumentException("not ASCII: " + (int) c);
            }
            set[c >> 6] |= 1L << (c & 63);
        }
        return set;
    }

    /** @param chars ASCII characters @return every other ASCII character, as a set for {@link #any} */
    static long[] allBut(String chars) {
        long[] set = set(chars);
        set[0] = ~set[0];
        set[1] = ~set[1];
        return set;
    }
}
