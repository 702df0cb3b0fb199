package dev.fnguard.internal;

import java.util.List;

/**
 * One compiled allow-list entry in which {@code *} matches any run of characters. Matching walks the
 * literal parts left to right with {@link String#indexOf}, so it never backtracks: leftmost matching
 * of each part is correct when the only wildcard is {@code *}.
 */
public final class SourcePattern {

    private final String pattern;
    private final String[] parts;

    /**
     * Compiles a pattern.
     *
     * @param pattern the pattern
     */
    public SourcePattern(String pattern) {
        this.pattern = pattern;
        this.parts = pattern.split("\\*", -1);
    }

    /**
     * The family of a pattern or identity: {@code arn:<partition>:<service>} for ARNs, the text before
     * the first colon otherwise ({@code iot}, {@code events}).
     *
     * @param s a pattern or identity
     * @return the family
     */
    public static String family(String s) {
        if (s.startsWith("arn:")) {
            int second = s.indexOf(':', 4);
            int third = second < 0 ? -1 : s.indexOf(':', second + 1);
            return third < 0 ? s : s.substring(0, third);
        }
        int colon = s.indexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }

    /** @return the pattern's family */
    public String family() {
        return family(pattern);
    }

    /**
     * Whether a source identity matches.
     *
     * @param identity the identity
     * @return true when it matches
     */
    public boolean matches(String identity) {
        if (pattern.startsWith("iot:")) {
            return identity.startsWith("iot:") && topicMatches(pattern, 4, identity, 4);
        }
        if (parts.length == 1) {
            return pattern.equals(identity);
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (identity.length() < first.length() + last.length() || !identity.startsWith(first)
                || !identity.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = identity.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = identity.indexOf(parts[i], at);
            if (found < 0 || found + parts[i].length() > end) {
                return false;
            }
            at = found + parts[i].length();
        }
        return true;
    }

    /** MQTT topic filter matching: {@code +} is one level, a final {@code #} any number of levels. */
    static boolean topicMatches(String filter, int f, String topic, int t) {
        while (true) {
            int fe = filter.indexOf('/', f);
            if (fe < 0) {
                fe = filter.length();
            }
            String level = filter.substring(f, fe);
            if (level.equals("#")) {
                return true;
            }
            int te = topic.indexOf('/', t);
            boolean lastTopicLevel = te < 0;
            if (lastTopicLevel) {
                te = topic.length();
            }
            if (t > topic.length()) {
                return false;
            }
            String got = topic.substring(t, te);
            if (got.indexOf('+') >= 0 || got.indexOf('#') >= 0) {
                return false;
            }
            if (!level.equals("+") && !level.equals(got)) {
                return false;
            }
            boolean lastFilterLevel = fe == filter.length();
            if (lastFilterLevel || lastTopicLevel) {
                if (lastFilterLevel && lastTopicLevel) {
                    return true;
                }
                // "a/#" also matches "a"
                return lastTopicLevel && filter.substring(fe + 1).equals("#");
            }
            f = fe + 1;
            t = te + 1;
        }
    }

    /**
     * Compiles a list.
     *
     * @param patterns the patterns
     * @return the compiled patterns
     */
    public static List<SourcePattern> compile(List<String> patterns) {
        return patterns.stream().map(SourcePattern::new).toList();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
