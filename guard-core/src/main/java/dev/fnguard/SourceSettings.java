package dev.fnguard;

import java.util.ArrayList;
import java.util.List;

/**
 * The compiled form of {@link Sources}: the allow-list of source patterns and the queue poison cap.
 *
 * @param allowed source patterns ({@code *} matches any run of characters); empty allows any source
 * @param maxReceiveCount the highest queue receive count accepted, at least 1 (default 5)
 */
public record SourceSettings(List<String> allowed, int maxReceiveCount) {

    private static final SourceSettings DEFAULTS = new SourceSettings(List.of(), 5);

    /**
     * Validates the settings.
     *
     * @param allowed the patterns
     * @param maxReceiveCount the cap
     */
    public SourceSettings {
        allowed = List.copyOf(allowed);
        for (String a : allowed) {
            if (a.isBlank()) {
                throw new IllegalArgumentException("sources.allowed must not hold blank entries");
            }
        }
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("sources.maxReceiveCount must be at least 1, was " + maxReceiveCount);
        }
    }

    /** @return no allow-list, receive cap 5 */
    public static SourceSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Compiles the annotation.
     *
     * @param s the annotation
     * @return the settings
     */
    public static SourceSettings of(Sources s) {
        List<String> list = new ArrayList<>();
        for (String a : s.allowed()) {
            list.add(a.strip());
        }
        return new SourceSettings(list, s.maxReceiveCount());
    }

    /**
     * Splits a comma-separated list of patterns, dropping blanks.
     *
     * @param csv the list
     * @return the patterns
     */
    public static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        for (String p : csv.split(",")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    SourceSettings withAllowed(List<String> patterns, String setting) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException(setting + " must name at least one source");
        }
        return new SourceSettings(patterns, maxReceiveCount);
    }

    SourceSettings withMaxReceiveCount(int n) {
        return new SourceSettings(allowed, n);
    }
}
