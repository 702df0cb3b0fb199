package dev.fnguard;

/**
 * The compiled form of {@link Limits}: immutable, validated, with the defaults stated here.
 *
 * @param maxBodyBytes maximum payload bytes (default {@value #DEFAULT_MAX_BODY_BYTES})
 * @param maxDepth maximum JSON nesting depth (default {@value #DEFAULT_MAX_DEPTH})
 * @param maxStringLength maximum string length (default {@value #DEFAULT_MAX_STRING_LENGTH})
 * @param maxArrayLength maximum array length (default {@value #DEFAULT_MAX_ARRAY_LENGTH})
 * @param maxFields maximum properties per object (default {@value #DEFAULT_MAX_FIELDS})
 * @param maxTokens maximum JSON tokens (default {@value #DEFAULT_MAX_TOKENS})
 */
public record LimitSettings(
        int maxBodyBytes, int maxDepth, int maxStringLength, int maxArrayLength, int maxFields, int maxTokens) {

    /** Default payload limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Default nesting limit. */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** Default string length limit. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 16384;
    /** Default array length limit. */
    public static final int DEFAULT_MAX_ARRAY_LENGTH = 1000;
    /** Default properties-per-object limit. */
    public static final int DEFAULT_MAX_FIELDS = 256;
    /** Default token limit. */
    public static final int DEFAULT_MAX_TOKENS = 100_000;
    /** The largest payload any setting may allow: the Lambda synchronous invocation limit, 6 MiB. */
    public static final int CEILING_BODY_BYTES = 6 * 1024 * 1024;

    private static final LimitSettings DEFAULTS = new LimitSettings(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DEPTH,
            DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_ARRAY_LENGTH, DEFAULT_MAX_FIELDS, DEFAULT_MAX_TOKENS);

    /**
     * Validates every setting at once, naming the one at fault.
     *
     * @param maxBodyBytes bytes, 1 to 6 MiB
     * @param maxDepth levels, 1 to 1000
     * @param maxStringLength characters, at least 1
     * @param maxArrayLength elements, at least 1
     * @param maxFields properties, at least 1
     * @param maxTokens tokens, at least 1
     */
    public LimitSettings {
        requireRange("maxBodyBytes", maxBodyBytes, 1, CEILING_BODY_BYTES);
        requireRange("maxDepth", maxDepth, 1, 1000);
        requireRange("maxStringLength", maxStringLength, 1, CEILING_BODY_BYTES);
        requireRange("maxArrayLength", maxArrayLength, 1, Integer.MAX_VALUE);
        requireRange("maxFields", maxFields, 1, Integer.MAX_VALUE);
        requireRange("maxTokens", maxTokens, 1, Integer.MAX_VALUE);
    }

    /**
     * The defaults.
     *
     * @return default limits
     */
    public static LimitSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Compiles the annotation.
     *
     * @param limits the annotation
     * @return the settings
     */
    public static LimitSettings of(Limits limits) {
        return new LimitSettings(limits.maxBodyBytes(), limits.maxDepth(), limits.maxStringLength(),
                limits.maxArrayLength(), limits.maxFields(), limits.maxTokens());
    }

    /**
     * A copy with another body limit.
     *
     * @param bytes the new limit
     * @return the copy
     */
    public LimitSettings withMaxBodyBytes(int bytes) {
        return new LimitSettings(bytes, maxDepth, maxStringLength, maxArrayLength, maxFields, maxTokens);
    }

    /**
     * The most bytes of a whole native event the guard reads for this payload limit: room for the
     * envelope, headers and a fully escaped or base64-encoded body, never more than 6 MiB + 64 KiB.
     *
     * @return bytes
     */
    public int maxEventBytes() {
        long derived = 6L * maxBodyBytes + 128 * 1024;
        return (int) Math.min(derived, CEILING_BODY_BYTES + 64 * 1024);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "Limits." + name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
