package dev.fnguard.detect.internal;

/**
 * Undoes the layers an attacker can stack on a string: URL encoding (repeated, including
 * {@code %uXXXX} and overlong UTF-8 for {@code . / \}), HTML entities, JSON/JS unicode escapes, case.
 * At most {@link #MAX_LAYERS} passes, each linear in the length, so the work is bounded.
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
            if (cur.indexOf('%') < 0 && cur.indexOf('&') < 0 && cur.indexOf('\\') < 0 && cur.indexOf('+') < 0) {
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

    private static String lower(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, (char) (c + 32));
            }
        }
        return b == null ? s : b.toString();
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
                int v = i + 2 < n ? hex(s, i + 1, 2) : -1;
                if (v >= 0) {
                    // overlong UTF-8 forms of '.', '/', '\' (%c0%ae, %c0%af, %c1%9c, %e0%80%ae)
                    if ((v == 0xc0 || v == 0xc1) && i + 5 < n && s.charAt(i + 3) == '%') {
                        int w = hex(s, i + 4, 2);
                        if (w >= 0x80 && w <= 0xbf) {
                            out.append((char) (((v & 0x1f) << 6) | (w & 0x3f)) );
                            i += 6;
                            continue;
                        }
                    }
                    if ((v == 0xc0 || v == 0xc1 || v == 0xe0) && i + 3 < n && s.charAt(i + 3) == '%') {
                        i += 3; // a lead byte of an invalid or overlong sequence: drop it
                        continue;
                    }
                    out.append((char) v);
                    i += 3;
                    continue;
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
