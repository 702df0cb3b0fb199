package dev.fnguard.detect.internal;

import java.util.Set;

/**
 * SQL injection by token fingerprints, in the spirit of libinjection: the input is tokenized as SQL
 * three times (as bare SQL, as if it began inside a {@code '}-quoted string, and inside a
 * {@code "}-quoted string); each token becomes one letter, parentheses and comments are folded out,
 * and the first letters form a fingerprint matched against the shapes of injections. A word is
 * never suspicious on its own: "select a size" is {@code Eww} and "O'Brien" in the quote context is
 * {@code sw}, neither of which is an injection shape. One pass per context, no backtracking.
 *
 * <p>Token letters: {@code s} string, {@code 1} number or literal, {@code w} bare word, {@code k}
 * clause keyword (where, as, order, ...), {@code E} statement (select, insert, drop, exec, ...),
 * {@code U} union, {@code &} logic operator, {@code o} operator, {@code f} function call,
 * {@code v} variable, {@code ;} statement end, {@code c} comment, {@code ,} comma.
 */
public final class SqlDetector {

    private static final int MAX_TOKENS = 12;
    /** Every ASCII character that can end a word or number token (see {@link #detect(String, Chars, Work)}). */
    private static final long[] TOKEN_BREAKS = Chars.allBut("abcdefghijklmnopqrstuvwxyz0123456789_$.");

    private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete", "drop",
            "exec", "execute", "declare", "create", "alter", "truncate", "shutdown", "waitfor", "begin",
            "grant", "revoke", "merge", "call", "replace", "handler", "load", "rename");
    private static final Set<String> CLAUSES = Set.of("where", "as", "order", "group", "having", "limit",
            "procedure", "into", "from", "rlike", "regexp", "like", "between", "in", "is", "case", "when",
            "then", "else", "end", "offset", "collate", "escape", "sounds", "div", "mod", "not");
    private static final Set<String> LOGIC = Set.of("and", "or", "xor", "&&", "||");
    private static final Set<String> LITERALS = Set.of("null", "true", "false");
    /** The letter of every keyword above, in the precedence {@link #classify} applies (built once). */
    private static final java.util.Map<String, Character> KEYWORDS = keywords();
    /** The longest keyword or literal: a longer word is a bare word, a function or a hex literal. */
    private static final int MAX_KEYWORD = longest(KEYWORDS.keySet());

    private static int longest(Set<String> words) {
        int max = 0;
        for (String w : words) {
            max = Math.max(max, w.length());
        }
        return max;
    }

    private static void putAll(java.util.Map<String, Character> m, Set<String> words, char letter) {
        for (String w : words) {
            m.putIfAbsent(w, letter);
        }
    }

    private static java.util.Map<String, Character> keywords() {
        java.util.Map<String, Character> m = new java.util.HashMap<>();
        m.put("union", 'U');
        putAll(m, LOGIC, '&');
        putAll(m, STATEMENTS, 'E');
        putAll(m, CLAUSES, 'k');
        // literals read as '1' only when the word is not a call, so they are not in this map
        putAll(m, LITERALS, (char) 0);
        return java.util.Map.copyOf(m);
    }

    private SqlDetector() {}

    /**
     * @param s decoded, lower-cased input
     * @param work step counter
     * @return whether one of the three readings has an injection fingerprint
     */
    public static boolean detect(String s, Work work) {
        return detect(s, Chars.of(s), work);
    }

    /**
     * As {@link #detect(String, Work)}, with the string's characters read before. A string of word
     * characters and dots only ({@code [a-z0-9_$.]} and anything beyond ASCII) is skipped: the
     * tokenizer reads it as dots then one word or number (a word or number runs on over word
     * characters and dots), so its fingerprint is {@code x…x} and one letter, never an injection
     * shape, and without a quote there is no quote context.
     */
    static boolean detect(String s, Chars chars, Work work) {
        if (!chars.any(TOKEN_BREAKS)) {
            return false;
        }
        String bare = fingerprint(s, (char) 0, work);
        // '"red shoes" and "blue hats"': quoted phrases joined by AND/OR, read bare, are text unless compared
        if (suspicious(bare) && !(bare.startsWith("s&s") && !hasComparison(bare, 0))) {
            return true;
        }
        if (chars.has('\'') && suspicious(fingerprint(s, '\'', work))) {
            return true;
        }
        return chars.has('"') && suspicious(fingerprint(s, '"', work));
    }

    /** Fingerprint of {@code s} read in a quote context (0 for bare SQL); for tests and tuning. */
    static String fingerprint(String s, char quote, Work work) {
        StringBuilder fp = new StringBuilder(MAX_TOKENS);
        int n = s.length();
        int i = 0;
        if (quote != 0) {
            int end = stringEnd(s, 0, quote);
            if (end >= n) {
                work.add(n);
                return "";
            }
            fp.append('s');
            i = end + 1;
        }
        while (i < n && fp.length() < MAX_TOKENS) {
            char c = s.charAt(i);
            work.add(1);
            if (c <= ' ' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}') {
                i++;
            } else if (c == '\'' || c == '"' || c == '`') {
                fp.append(c == '`' ? 'w' : 's');
                i = stringEnd(s, i + 1, c) + 1;
            } else if (c == '#' || (c == '-' && i + 1 < n && s.charAt(i + 1) == '-')) {
                fp.append('c');
                i = n;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                if (i + 2 < n && s.charAt(i + 2) == '!') {
                    // MySQL executable comment: its content is SQL
                    i += 3;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    continue;
                }
                // looked for only here, where the scan moves past it: a run of "/*!" does not search once per opening
                int close = work.indexOf(s, "*/", i + 2);
                if (close < 0) {
                    fp.append('c');
                    i = n;
                } else {
                    i = close + 2;
                }
            } else if (c == ';') {
                fp.append(';');
                i++;
            } else if (c == ',') {
                i++;
            } else if (c == '@') {
                int j = i + 1;
                while (j < n && (isWord(s.charAt(j)) || s.charAt(j) == '@')) {
                    j++;
                }
                work.add(j - i);
                fp.append('v');
                i = j;
            } else if ((c == '-' || c == '+') && fp.length() == (quote != 0 ? 1 : 0) && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < n && (isWord(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                work.add(j - i);
                fp.append('1');
                i = j;
            } else if (isWord(c)) {
                int j = i + 1;
                while (j < n && (isWord(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '$')) {
                    j++;
                }
                work.add(j - i);
                int k = j;
                while (k < n && s.charAt(k) <= ' ') {
                    k++;
                }
                fp.append(classify(s, i, j, k < n && s.charAt(k) == '('));
                i = j;
            } else if (c == '|' && i + 1 < n && s.charAt(i + 1) == '|' || c == '&' && i + 1 < n && s.charAt(i + 1) == '&') {
                fp.append('&');
                i += 2;
            } else if ("=<>!+-*/%^|&~:".indexOf(c) >= 0) {
                int j = i + 1;
                while (j < n && "=<>!+-*/%^|&~:".indexOf(s.charAt(j)) >= 0 && j - i < 3) {
                    j++;
                }
                if (fp.length() == 0 || fp.charAt(fp.length() - 1) != 'o') {
                    fp.append('o');
                }
                i = j;
            } else {
                fp.append('x');
                i++;
            }
        }
        return fp.toString();
    }

    /**
     * The letter of the word {@code s[from, to)}: one map lookup, and no copy of a word longer than
     * every keyword (a base64 token, a long identifier), which can only be a bare word, a function or
     * a hex literal.
     */
    private static char classify(String s, int from, int to, boolean call) {
        if (to - from <= MAX_KEYWORD) {
            int k = keyword(s, from, to);
            if (k > 0) {
                return (char) k;
            }
            if (k == 0 && !call) {
                return '1'; // null, true, false
            }
        }
        if (call) {
            return 'f';
        }
        return s.startsWith("0x", from) ? '1' : 'w';
    }

    /**
     * The letter of the keyword {@code s[from, to)} (0 for a literal), or -1: the keywords of its length
     * and first letter compared in place, no substring and no hashing.
     */
    private static int keyword(String s, int from, int to) {
        int len = to - from;
        char first = s.charAt(from);
        if (first < 'a' || first > 'z') {
            return -1; // every keyword a word can be starts with a letter ("&&" and "||" are operators)
        }
        String[] candidates = BY_LENGTH_AND_FIRST[len][first];
        if (candidates == null) {
            return -1;
        }
        for (String kw : candidates) {
            if (s.regionMatches(from, kw, 0, len)) {
                return KEYWORDS.get(kw);
            }
        }
        return -1;
    }

    /** The keywords by length, then by first character (built once from {@link #KEYWORDS}). */
    private static final String[][][] BY_LENGTH_AND_FIRST = byLengthAndFirst();

    private static String[][][] byLengthAndFirst() {
        String[][][] t = new String[MAX_KEYWORD + 1][128][];
        for (String kw : KEYWORDS.keySet()) {
            String[] at = t[kw.length()][kw.charAt(0)];
            String[] grown = at == null ? new String[1] : java.util.Arrays.copyOf(at, at.length + 1);
            grown[grown.length - 1] = kw;
            t[kw.length()][kw.charAt(0)] = grown;
        }
        return t;
    }

    private static boolean suspicious(String fp) {
        if (fp.isEmpty()) {
            return false;
        }
        if (fp.contains("UE") || fp.contains("UwE") || fp.contains(";E") || fp.contains("EoE")) {
            return true;
        }
        char first = fp.charAt(0);
        if (first == 's' || first == '1') {
            return breakout(fp);
        }
        if (first == 'f') {
            return hasComparison(fp, 1) || fp.length() >= 3 && (fp.charAt(1) == 'E' || fp.charAt(1) == '&');
        }
        if (first == 'E') {
            // a whole statement: select ... from / insert into / drop table ...
            int from = fp.indexOf('k');
            return from > 0 && from <= 4 && from + 1 < fp.length() && "w1sfv".indexOf(fp.charAt(from + 1)) >= 0
                    || fp.startsWith("Ef") || fp.startsWith("Eo");
        }
        if (first == '&' || first == ';') {
            // input begins with a logic operator or statement end: value;drop / or 1=1
            return fp.length() >= 3 && (fp.charAt(1) == 'E' || hasComparison(fp, 1) || fp.charAt(1) == 'f');
        }
        return false;
    }

    /** After a broken-out string or number: what follows is SQL, not text. */
    private static boolean breakout(String fp) {
        if (fp.length() < 2) {
            return false;
        }
        char next = fp.charAt(1);
        switch (next) {
            case '&':
                // "3 or 5 large boxes", 'frames 8" or 10"': a bare word right after the second operand, or a
                // string right after a number, is no SQL
                return fp.length() >= 3 && ("1sfvE".indexOf(fp.charAt(2)) >= 0 && !(fp.length() >= 4
                        && (fp.charAt(3) == 'w' && "1s".indexOf(fp.charAt(2)) >= 0 || fp.charAt(2) == '1' && fp.charAt(3) == 's'))
                        || hasComparison(fp, 2));
            case ';':
                return fp.length() == 2 || "EUfvk".indexOf(fp.charAt(2)) >= 0;
            case 'U':
                // "bob' union selected him": UNION leads to a statement (UNION [ALL] [DISTINCT] SELECT), a comment or the end
                return fp.length() == 2 || fp.charAt(2) != 'w' || fp.length() > 3 && fp.charAt(3) == 'c'
                        || fp.indexOf('E', 3) > 0 && fp.indexOf('E', 3) <= 4;
            case 'E':
                return true;
            case 'c':
                return fp.charAt(0) == 's';
            case 'k':
                // "it' is not a drill at all": clause keywords that run into three bare words are prose
                return fp.length() >= 3 && (fp.charAt(0) == 's' && fp.charAt(2) != 'w' && !fp.contains("www")
                        || fp.charAt(2) == 'f' || fp.charAt(2) == 'E')
                        || fp.length() >= 4 && hasComparison(fp, 2);
            case 'f':
                return fp.length() >= 3 && (fp.charAt(0) == 's' || hasComparison(fp, 2));
            case 'o':
                return fp.length() >= 3 && (fp.charAt(2) == 'f' || fp.charAt(2) == 'E'
                        || fp.charAt(0) == 's' && fp.length() >= 4 && "&kc;".indexOf(fp.charAt(3)) >= 0);
            case 'w':
                return fp.length() >= 3 && fp.charAt(0) == 's' && fp.charAt(2) == 'k' && fp.length() >= 4
                        && fp.charAt(3) == 'w' && fp.length() >= 5 && hasComparison(fp, 4);
            default:
                return false;
        }
    }

    private static boolean hasComparison(String fp, int from) {
        for (int i = from; i + 2 < fp.length() && i < from + 4; i++) {
            char a = fp.charAt(i);
            char b = fp.charAt(i + 2);
            if ("1swfv".indexOf(a) >= 0 && (fp.charAt(i + 1) == 'o' || fp.charAt(i + 1) == 'k')
                    && "1swfvE".indexOf(b) >= 0 && (a == '1' || a == 'f' || a == 'v' || b == '1' || b == 'f' || b == 'E' || a == 's' && b == 's')) {
                return true;
            }
        }
        return false;
    }

    private static int stringEnd(String s, int from, char quote) {
        int n = s.length();
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < n && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return n;
    }

    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c > 0x7f;
    }
}
