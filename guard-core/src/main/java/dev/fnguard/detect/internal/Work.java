package dev.fnguard.detect.internal;

/**
 * Counts the characters the detectors visit, so tests can assert that work is linear. The searches
 * a detector repeats in a loop go through {@link #indexOf(String, char, int)} and
 * {@link #indexOf(String, String, int)}, which charge every character they read, so a search restarted
 * from many positions shows in the count.
 */
public final class Work {
    private long steps;

    /** @param n steps to add */
    public void add(long n) {
        steps += n;
    }

    /** @return the steps counted so far */
    public long steps() {
        return steps;
    }

    /**
     * {@link String#indexOf(int, int)}, charging the characters it read.
     *
     * @param s the string searched
     * @param c the character looked for
     * @param from where the search starts
     * @return the index of {@code c} at or after {@code from}, or -1
     */
    public int indexOf(String s, char c, int from) {
        int start = Math.max(from, 0);
        int at = s.indexOf(c, start);
        steps += Math.max((at < 0 ? s.length() : at + 1) - start, 0);
        return at;
    }

    /**
     * {@link String#indexOf(String, int)}, charging the characters it read (up to the end of the match).
     *
     * @param s the string searched
     * @param marker the string looked for
     * @param from where the search starts
     * @return the index of {@code marker} at or after {@code from}, or -1
     */
    public int indexOf(String s, String marker, int from) {
        int start = Math.max(from, 0);
        int at = s.indexOf(marker, start);
        steps += Math.max((at < 0 ? s.length() : at + marker.length()) - start, 0);
        return at;
    }
}
