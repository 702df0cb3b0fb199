package dev.fnguard.detect.internal;

/**
 * Undoes the layers an attacker can stack on a string: URL encoding (repeated; UTF-8 sequences with
 * their overlong forms up to 6 bytes, double-nibble {@code %%32%66}, IIS's lenient readings of the
 * overlong lead {@code %c0}/{@code %c1}, {@code %uXXXX}), HTML entities, JSON/JS unicode escapes, case.
 * At most {@link #MAX_LAYERS} passes, each one forward scan with constant lookahead, so the work is
 * linear in the length. Stateless and thread-safe (helpers return index and value packed in a long).
 */
public final class Decoder {

    /** The most decoding passes applied to one string. */
    public static final int MAX_LAYERS = 4;

    private Decoder() {}

    /**
     * @param s the raw string
     * @param work step counter
     * @return the decoded, lower-cased string
     */
    public static String decode(String s, Work work) {
        String cur = s;
        for (int i = 0; i < MAX_LAYERS; i++) {
            if (!startsPass(cur)) {
                break;
            }
            String next = pass(cur, work);
            if (next.equals(cur)) {
                break;
            }
            cur = next;
        }
        work.add(cur.length());
        return lower(cur);
    }

    /** The characters with which a decoding pass starts; a string with none of them is only lower-cased. */
    private static final String PASS_STARTS = "%&\\+";
    private static final long[] PASS_STARTS_SET = Chars.set(PASS_STARTS);
    private static final long[] CAPITALS = Chars.set("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static boolean startsPass(String s) {
        for (int k = 0; k < PASS_STARTS.length(); k++) {
            if (s.indexOf(PASS_STARTS.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * As {@link #decode(String, Work)}, for a string whose characters were read before: a string with
     * nothing to decode is lower-cased straight away (with {@link String#toLowerCase} when it is
     * ASCII, which then folds exactly the ASCII capitals), without the searches of a first pass.
     *
     * @param s the raw string
     * @param chars its characters ({@link Chars#of})
     * @param work step counter
     * @return the decoded, lower-cased string
     */
    static String decode(String s, Chars chars, Work work) {
        if (chars.holdsAny(PASS_STARTS_SET)) {
            return decode(s, work);
        }
        work.add(s.length());
        if (!chars.holdsAny(CAPITALS)) {
            return s;
        }
        return chars.holdsBeyondAscii() ? lower(s) : s.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The characters of {@link #decode(String, Chars, Work)}'s answer.
     *
     * @param decoded its answer
     * @param raw the raw string
     * @param rawChars the raw string's characters
     * @return the decoded string's characters, read again only when decoding changed more than case
     */
    static Chars decodedChars(String decoded, String raw, Chars rawChars) {
        if (decoded == raw) {
            return rawChars;
        }
        return rawChars.holdsAny(PASS_STARTS_SET) ? Chars.of(decoded) : rawChars.lowered();
    }

    /** ASCII letters only, as before (not {@code toLowerCase}, which also folds non-ASCII letters). */
    private static String lower(String s) {
        int n = s.length();
        int first = 0;
        while (first < n && (s.charAt(first) < 'A' || s.charAt(first) > 'Z')) {
            first++;
        }
        if (first == n) {
            return s;
        }
        char[] a = s.toCharArray();
        for (int i = first; i < n; i++) {
            char c = a[i];
            if (c >= 'A' && c <= 'Z') {
                a[i] = (char) (c + 32);
            }
        }
        return new String(a);
    }

    private static String pass(String s, Work work) {
        int n = s.length();
        work.add(n);
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 5 < n && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U')) {
                    int v = hex(s, i + 2, 4);
                    if (v >= 0) {
                        out.append((char) v);
                        i += 6;
                        continue;
                    }
                }
                long pb = percentByte(s, i);
                if (pb >= 0) {
                    int end = end(pb);
                    int v = value(pb);
                    long seq = utf8(s, end, v);
                    if (seq >= 0) {
                        out.appendCodePoint(value(seq));
                        i = end(seq);
                        continue;
                    }
                    if (v == 0xe0 && end < n && s.charAt(end) == '%') {
                        i = end; // the lead byte of an invalid overlong sequence: drop it
                        continue;
                    }
                    out.append((char) v);
                    i = end;
                    continue;
                }
                if (i + 2 < n) {
                    // IIS reads hex digits leniently (letter - 'a' + 10): %bg is 0xc0, %c1%pc is '\'
                    int lead = lenientHex(s, i + 1);
                    if (lead == 0xc0 || lead == 0xc1) {
                        long seq = overlong(s, i + 3, lead);
                        if (seq >= 0) {
                            out.append((char) value(seq));
                            i = end(seq);
                            continue;
                        }
                    }
                }
            } else if (c == '+') {
                out.append(' ');
                i++;
                continue;
            } else if (c == '\\' && i + 5 < n && (s.charAt(i + 1) == 'u') ) {
                int v = hex(s, i + 2, 4);
                if (v >= 0) {
                    out.append((char) v);
                    i += 6;
                    continue;
                }
            } else if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r')) {
                out.append(s.charAt(i + 1) == 'n' ? '\n' : '\r');
                i += 2;
                continue;
            } else if (c == '\\' && i + 3 < n && s.charAt(i + 1) == 'x') {
                int v = hex(s, i + 2, 2);
                if (v >= 0) {
                    out.append((char) v);
                    i += 4;
                    continue;
                }
            } else if (c == '&') {
                int semi = -1;
                for (int j = i + 1; j < n && j <= i + 10; j++) {
                    if (s.charAt(j) == ';') {
                        semi = j;
                        break;
                    }
                }
                if (semi > i + 1) {
                    int v = entity(s, i + 1, semi);
                    if (v >= 0) {
                        out.append((char) v);
                        i = semi + 1;
                        continue;
                    }
                } else if (i + 2 < n && s.charAt(i + 1) == '#') {
                    // numeric entity without ';' (browsers accept it)
                    int j = i + 2;
                    int v = 0;
                    boolean hexed = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
                    if (hexed) {
                        j++;
                    }
                    int start = j;
                    while (j < n && j - start < 7) {
                        int d = hexed ? Character.digit(s.charAt(j), 16) : Character.digit(s.charAt(j), 10);
                        if (d < 0) {
                            break;
                        }
                        v = v * (hexed ? 16 : 10) + d;
                        j++;
                    }
                    if (j > start && v < 0x10000) {
                        out.append((char) v);
                        i = j;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * A {@code %XX} byte at {@code at} whose two hex digits may themselves be percent-encoded (the
     * double-nibble forms {@code %%32%66}, {@code %2%66}, {@code %%32f}).
     *
     * @return {@link #packed} index after it and byte, or -1
     */
    private static long percentByte(String s, int at) {
        long hi = nibble(s, at + 1);
        if (hi < 0) {
            return -1;
        }
        long lo = nibble(s, end(hi));
        if (lo < 0) {
            return -1;
        }
        return packed(end(lo), value(hi) << 4 | value(lo));
    }

    /** A hex digit at {@code at}, plain or as {@code %3X}/{@code %4X}/{@code %6X}: {@link #packed} end and value, or -1. */
    private static long nibble(String s, int at) {
        if (at >= s.length()) {
            return -1;
        }
        char c = s.charAt(at);
        if (c < 128 && Character.digit(c, 16) >= 0) {
            return packed(at + 1, Character.digit(c, 16));
        }
        if (c == '%' && at + 2 < s.length()) {
            int v = hex(s, at + 1, 2);
            if (v >= '0' && v <= '9' || v >= 'a' && v <= 'f' || v >= 'A' && v <= 'F') {
                return packed(at + 3, Character.digit(v, 16));
            }
        }
        return -1;
    }

    /** An index and a value in one non-negative long (no allocation, no shared state). */
    private static long packed(int end, int value) {
        return (long) end << 32 | value;
    }

    private static int end(long packed) {
        return (int) (packed >>> 32);
    }

    private static int value(long packed) {
        return (int) packed;
    }

    /**
     * A UTF-8 sequence (overlong forms included, up to the 6-byte forms of the original UTF-8) whose
     * lead byte {@code lead} was just read and whose continuation bytes {@code %80}-{@code %bf} start
     * at {@code at}.
     *
     * @return {@link #packed} index after the sequence and code point, or -1
     */
    private static long utf8(String s, int at, int lead) {
        int more;
        int cp;
        if (lead >= 0xc0 && lead <= 0xdf) {
            more = 1;
            cp = lead & 0x1f;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            more = 2;
            cp = lead & 0x0f;
        } else if (lead >= 0xf0 && lead <= 0xf7) {
            more = 3;
            cp = lead & 0x07;
        } else if (lead >= 0xf8 && lead <= 0xfb) {
            more = 4;
            cp = lead & 0x03;
        } else if (lead >= 0xfc && lead <= 0xfd) {
            more = 5;
            cp = lead & 0x01;
        } else {
            return -1;
        }
        int i = at;
        for (int k = 0; k < more; k++) {
            if (i + 2 >= s.length() || s.charAt(i) != '%') {
                return lead <= 0xc1 ? overlong(s, at, lead) : -1;
            }
            int b = hex(s, i + 1, 2);
            if (b < 0x80 || b > 0xbf) {
                return lead <= 0xc1 ? overlong(s, at, lead) : -1;
            }
            cp = cp << 6 | b & 0x3f;
            i += 3;
        }
        return packed(i, cp <= Character.MAX_CODE_POINT && (cp < 0xd800 || cp > 0xdfff) ? cp : 0xfffd);
    }

    /**
     * The 2-byte overlong lead {@code %c0}/{@code %c1} before any next byte, a literal character or
     * {@code %XX} with lenient hex digits. A continuation-like byte (0x80 and up) gives its low 6 bits
     * (as IIS decoded {@code %c0%ee}); an ASCII byte is kept (decoders that drop the invalid lead read
     * {@code %c0%5c} as a backslash). The lead's own bit is OR-ed in either way, so {@code %c1%1c} is a
     * backslash as in the IIS unicode traversal.
     *
     * @return {@link #packed} index after it and character, or -1
     */
    private static long overlong(String s, int at, int lead) {
        if (at >= s.length()) {
            return -1;
        }
        int b;
        int end;
        if (s.charAt(at) == '%' && at + 2 < s.length()) {
            b = lenientHex(s, at + 1);
            end = at + 3;
        } else {
            b = s.charAt(at) < 128 ? s.charAt(at) : -1;
            end = at + 1;
        }
        if (b < 0) {
            return -1;
        }
        return packed(end, (lead & 0x01) << 6 | (b < 0x80 ? b : b & 0x3f));
    }

    /** Two hex digits read as IIS did: digits, and any ASCII letter as {@code letter - 'a' + 10}. */
    private static int lenientHex(String s, int from) {
        if (from + 2 > s.length()) {
            return -1;
        }
        int v = 0;
        for (int j = from; j < from + 2; j++) {
            char c = s.charAt(j);
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                d = (c | 0x20) - 'a' + 10;
            } else {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static int entity(String s, int from, int to) {
        if (s.charAt(from) == '#') {
            boolean hexed = to > from + 1 && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X');
            int v = 0;
            for (int j = from + (hexed ? 2 : 1); j < to; j++) {
                int d = Character.digit(s.charAt(j), hexed ? 16 : 10);
                if (d < 0 || v > 0x10ffff) {
                    return -1;
                }
                v = v * (hexed ? 16 : 10) + d;
            }
            return v < 0x10000 ? v : -1;
        }
        switch (s.substring(from, to).toLowerCase(java.util.Locale.ROOT)) {
            case "lt": return '<';
            case "gt": return '>';
            case "amp": return '&';
            case "quot": return '"';
            case "apos": return '\'';
            case "colon": return ':';
            case "lpar": return '(';
            case "rpar": return ')';
            case "sol": return '/';
            case "bsol": return '\\';
            case "tab": return '\t';
            case "newline": return '\n';
            case "period": return '.';
            case "semi": return ';';
            case "equals": return '=';
            case "grave": return '`';
            case "nbsp": return ' ';
            default: return -1;
        }
    }

    private static int hex(String s, int from, int len) {
        if (from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int j = from; j < from + len; j++) {
            int d = Character.digit(s.charAt(j), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
