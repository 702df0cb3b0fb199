package dev.fnguard;

import java.util.ArrayList;
import java.util.List;

/**
 * The compiled form of {@link Sources}: the allow-lists of source patterns, accounts and regions, the
 * queue poison cap, the object rules and the loop guard's hop limit.
 *
 * @param allowed source patterns ({@code *} matches any run of characters); empty allows any source
 * @param maxReceiveCount the highest queue receive count accepted, at least 1 (default 5)
 * @param objectKeyPattern regular expression decoded object keys must match; empty for any (default)
 * @param maxObjectBytes largest object size accepted; 0 for no limit (default)
 * @param objectEvents prefixes of accepted object event names; empty for all (default)
 * @param maxHops the highest hop count accepted before {@link Reason#LOOP}, at least 1 (default 16)
 * @param accounts allowed AWS account ids ({@code *} matches any run of characters); empty for any (default)
 * @param regions allowed AWS regions ({@code eu-*} style patterns); empty for any (default)
 * @param eventDetailTypes EventBridge {@code detail-type} patterns ({@code *} matches any run of
 *     characters); empty for any detail-type (default)
 * @param verifySnsSignature whether SNS messages must carry a valid signature (default false)
 * @param dropDenied whether denied records of a batch with partial failure reporting (SQS, Kinesis,
 *     DynamoDB Streams) are dropped after their audit event instead of reported failed (default false)
 */
public record SourceSettings(List<String> allowed, int maxReceiveCount, String objectKeyPattern,
        long maxObjectBytes, List<String> objectEvents, int maxHops, List<String> accounts, List<String> regions,
        List<String> eventDetailTypes, boolean verifySnsSignature, boolean dropDenied) {

    /** The default hop limit of the loop guard. */
    public static final int DEFAULT_MAX_HOPS = 16;

    private static final SourceSettings DEFAULTS = new SourceSettings(List.of(), 5, "", 0, List.of());

    /**
     * Validates the settings.
     *
     * @param allowed the patterns
     * @param maxReceiveCount the cap
     * @param objectKeyPattern the key pattern
     * @param maxObjectBytes the size cap
     * @param objectEvents the event name prefixes
     * @param maxHops the hop limit
     * @param accounts the account patterns
     * @param regions the region patterns
     * @param eventDetailTypes the detail-type patterns
     * @param verifySnsSignature whether SNS signatures are verified
     * @param dropDenied whether denied batch records are dropped instead of reported failed
     */
    public SourceSettings {
        allowed = List.copyOf(allowed);
        objectEvents = List.copyOf(objectEvents);
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        eventDetailTypes = List.copyOf(eventDetailTypes);
        for (String d : eventDetailTypes) {
            if (d.isBlank()) {
                throw new IllegalArgumentException("sources.eventDetailTypes must not hold blank entries");
            }
        }
        checkEntries(accounts, "sources.accounts", "0123456789*");
        checkEntries(regions, "sources.regions", "abcdefghijklmnopqrstuvwxyz0123456789-*");
        if (maxHops < 1) {
            throw new IllegalArgumentException("sources.maxHops must be at least 1, was " + maxHops);
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
     * Settings without account, region or detail-type lists, without SNS signature verification and
     * with the default hop limit.
     *
     * @param allowed the patterns
     * @param maxReceiveCount the cap
     * @param objectKeyPattern the key pattern
     * @param maxObjectBytes the size cap
     * @param objectEvents the event name prefixes
     */
    public SourceSettings(List<String> allowed, int maxReceiveCount, String objectKeyPattern, long maxObjectBytes,
            List<String> objectEvents) {
        this(allowed, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents, DEFAULT_MAX_HOPS, List.of(),
                List.of(), List.of(), false, false);
    }

    private static void checkEntries(List<String> entries, String setting, String alphabet) {
        for (String e : entries) {
            if (e.isEmpty()) {
                throw new IllegalArgumentException(setting + " must not hold blank entries");
            }
            for (int i = 0; i < e.length(); i++) {
                if (alphabet.indexOf(e.charAt(i)) < 0) {
                    throw new IllegalArgumentException(setting + " entry '" + e + "' may only hold the characters "
                            + alphabet);
                }
            }
        }
    }

    /** @return no allow-list, receive cap 5, hop limit 16 */
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
        return new SourceSettings(list, s.maxReceiveCount(), s.objectKeyPattern(), s.maxObjectBytes(),
                List.of(s.objectEvents()), s.maxHops(), strip(s.accounts()), strip(s.regions()),
                strip(s.eventDetailTypes()), s.verifySnsSignature(), s.dropDenied());
    }

    private static List<String> strip(String[] entries) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            out.add(e.strip());
        }
        return out;
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
        return new SourceSettings(patterns, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents, maxHops,
                accounts, regions, eventDetailTypes, verifySnsSignature, dropDenied);
    }

    SourceSettings withMaxReceiveCount(int n) {
        return new SourceSettings(allowed, n, objectKeyPattern, maxObjectBytes, objectEvents, maxHops, accounts,
                regions, eventDetailTypes, verifySnsSignature, dropDenied);
    }

    SourceSettings withMaxHops(int n) {
        return new SourceSettings(allowed, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents, n, accounts,
                regions, eventDetailTypes, verifySnsSignature, dropDenied);
    }

    SourceSettings withAccounts(List<String> list, String setting) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException(setting + " must name at least one account");
        }
        try {
            return new SourceSettings(allowed, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents,
                    maxHops, list, regions, eventDetailTypes, verifySnsSignature, dropDenied);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }

    SourceSettings withRegions(List<String> list, String setting) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException(setting + " must name at least one region");
        }
        try {
            return new SourceSettings(allowed, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents,
                    maxHops, accounts, list, eventDetailTypes, verifySnsSignature, dropDenied);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }

    SourceSettings withSnsSignatureVerified() {
        return new SourceSettings(allowed, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents, maxHops,
                accounts, regions, eventDetailTypes, true, dropDenied);
    }

    SourceSettings withDropDenied(boolean drop) {
        return new SourceSettings(allowed, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents, maxHops,
                accounts, regions, eventDetailTypes, verifySnsSignature, drop);
    }

    /**
     * A builder starting from the defaults ({@link #defaults()}); each setter replaces one setting and
     * {@link Builder#build()} validates them all, with messages naming the setting.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /**
     * A builder starting from these settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link SourceSettings}; defaults as in {@link SourceSettings#defaults()}. */
    public static final class Builder {
        private List<String> allowed;
        private int maxReceiveCount;
        private String objectKeyPattern;
        private long maxObjectBytes;
        private List<String> objectEvents;
        private int maxHops;
        private List<String> accounts;
        private List<String> regions;
        private List<String> eventDetailTypes;
        private boolean verifySnsSignature;
        private boolean dropDenied;

        private Builder(SourceSettings s) {
            this.allowed = s.allowed;
            this.maxReceiveCount = s.maxReceiveCount;
            this.objectKeyPattern = s.objectKeyPattern;
            this.maxObjectBytes = s.maxObjectBytes;
            this.objectEvents = s.objectEvents;
            this.maxHops = s.maxHops;
            this.accounts = s.accounts;
            this.regions = s.regions;
            this.eventDetailTypes = s.eventDetailTypes;
            this.verifySnsSignature = s.verifySnsSignature;
            this.dropDenied = s.dropDenied;
        }

        /** @param patterns allowed source patterns (none by default: any source) @return this */
        public Builder allowed(String... patterns) {
            this.allowed = List.of(patterns);
            return this;
        }

        /** @param n the highest queue receive count accepted (5 by default) @return this */
        public Builder maxReceiveCount(int n) {
            this.maxReceiveCount = n;
            return this;
        }

        /** @param regex the pattern decoded object keys must match (none by default) @return this */
        public Builder objectKeyPattern(String regex) {
            this.objectKeyPattern = regex;
            return this;
        }

        /** @param bytes the largest object size accepted (0, no limit, by default) @return this */
        public Builder maxObjectBytes(long bytes) {
            this.maxObjectBytes = bytes;
            return this;
        }

        /** @param prefixes accepted object event name prefixes (all by default) @return this */
        public Builder objectEvents(String... prefixes) {
            this.objectEvents = List.of(prefixes);
            return this;
        }

        /** @param n the loop guard's hop limit (16 by default) @return this */
        public Builder maxHops(int n) {
            this.maxHops = n;
            return this;
        }

        /** @param patterns allowed AWS account ids (any by default) @return this */
        public Builder accounts(String... patterns) {
            this.accounts = List.of(patterns);
            return this;
        }

        /** @param patterns allowed AWS regions (any by default) @return this */
        public Builder regions(String... patterns) {
            this.regions = List.of(patterns);
            return this;
        }

        /** @param patterns accepted EventBridge detail-types (any by default) @return this */
        public Builder eventDetailTypes(String... patterns) {
            this.eventDetailTypes = List.of(patterns);
            return this;
        }

        /** @param verify whether SNS signatures are verified (false by default) @return this */
        public Builder verifySnsSignature(boolean verify) {
            this.verifySnsSignature = verify;
            return this;
        }

        /** @param drop whether denied batch records are dropped instead of reported (false by default) @return this */
        public Builder dropDenied(boolean drop) {
            this.dropDenied = drop;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the setting at fault
         */
        public SourceSettings build() {
            return new SourceSettings(allowed, maxReceiveCount, objectKeyPattern, maxObjectBytes, objectEvents, maxHops,
                    accounts, regions, eventDetailTypes, verifySnsSignature, dropDenied);
        }
    }
}
