package dev.fnguard;

import java.util.ArrayList;
import java.util.List;

/**
 * The compiled form of {@link Sources}: the allow-list of source patterns and the queue poison cap.
 *
 * @param allowed source patterns ({@code *} matches any run of characters); empty allows any source
 * @param maxReceiveCount the highest queue receive count accepted, at least 1 (default 5)
 * @param objectKeyPattern regular expression decoded object keys must match; empty for any (default)
 * @param maxObjectBytes largest object size accepted; 0 for no limit (default)
 * @param objectEvents prefixes of accepted object event names; empty for all (default)
 * @param eventDetailTypes EventBridge {@code detail-type} patterns ({@code *} matches any run of
 *     characters); empty for any detail-type (default)
 * @param verifySnsSignature whether SNS messages must carry a valid signature (default false)
 */
public record SourceSettings(List<String> allowed, int maxReceiveCount, String objectKeyPattern,
        long maxObjectBytes, List<String> objectEvents, List<String> eventDetailTypes,
        boolean verifySnsSignature) {

    private static final SourceSettings DEFAULTS = new SourceSettings(List.of(), 5, "", 0, List.of());

    /**
     * Validates the settings.
     *
     * @param allowed the patterns
     * @param maxReceiveCount the cap
     * @param objectKeyPattern the key pattern
     * @param maxObjectBytes the size cap
     * @param objectEvents the event name prefixes
     * @param eventDetailTypes the detail-type patterns
     * @param verifySnsSignature whether SNS signatures are verified
     */
    public SourceSettings {
        allowed = List.copyOf(allowed);
        objectEvents = List.copyOf(objectEvents);
        eventDetailTypes = List.copyOf(eventDetailTypes);
        for (String d : eventDetailTypes) {
            if (d.isBlank()) {
                throw new IllegalArgumentException("sources.eventDetailTypes must not hold blank entries");
            }
        }
        java.util.Objects.requireNonNull(objectKeyPattern, "sources.objectKeyPattern");
        if (!objectKeyPattern.isEmpty()) {
            try {
                java.util.regex.Pattern.compile(objectKeyPattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("sources.objectKeyPattern is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        if (maxObjectBytes < 0) {
            throw new IllegalArgumentException("sources.maxObjectBytes must not be negative, was " + maxObjectBytes);
        }
        for (String a : allowed) {
            if (a.isBlank()) {
                throw new IllegalArgumentException("sources.allowed must not hold blank entries");
            }
        }
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("sources.maxReceiveCount must be at least 1, was " + maxReceiveCount);
        }
    }

    /**
     * Settings without EventBridge detail-type patterns and without SNS signature verification.
     *
     * @param allowed the patterns
     * @param maxReceiveCount the cap
     * @param objectKeyPattern the key pattern
     * @param maxObjectBytes the size cap
     * @param objectEvents the event name prefixes
     */
    public SourceSettings(List<String> allowed, int maxReceiveCount, String objectKeyPattern, long maxObjectBytes,
            List<String> objectEvents) {
        this(allowed, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents, List.of(), false);
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
        List<String> detailTypes = new ArrayList<>();
        for (String d : s.eventDetailTypes()) {
            detailTypes.add(d.strip());
        }
        return new SourceSettings(list, s.maxReceiveCount(), s.objectKeyPattern(), s.maxObjectBytes(),
                List.of(s.objectEvents()), detailTypes, s.verifySnsSignature());
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
        return new SourceSettings(patterns, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents,
                eventDetailTypes, verifySnsSignature);
    }

    SourceSettings withMaxReceiveCount(int n) {
        return new SourceSettings(allowed, n, objectKeyPattern, maxObjectBytes, objectEvents, eventDetailTypes,
                verifySnsSignature);
    }

    SourceSettings withSnsSignatureVerified() {
        return new SourceSettings(allowed, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents,
                eventDetailTypes, true);
    }
}
