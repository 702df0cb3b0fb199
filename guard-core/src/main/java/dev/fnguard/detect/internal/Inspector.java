package dev.fnguard.detect.internal;

import dev.fnguard.detect.Detector;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a set of detectors over one string: decodes it once (bounded layers), then runs each
 * detector over the decoded form. Stateless and thread-safe; built once per handler.
 */
public final class Inspector {

    /** Strings longer than this are inspected in their first {@code MAX_INSPECTED} chars only. */
    public static final int MAX_INSPECTED = 1 << 20;

    private final Set<Detector> detectors;
    /** The same detectors in enum order, so a string costs no set lookup per detector. */
    private final Detector[] order;

    /** @param detectors the detectors to run, in enum order */
    public Inspector(Set<Detector> detectors) {
        this.detectors = Set.copyOf(detectors);
        java.util.List<Detector> inOrder = new java.util.ArrayList<>();
        for (Detector d : Detector.values()) {
            if (this.detectors.contains(d)) {
                inOrder.add(d);
            }
        }
        this.order = inOrder.toArray(new Detector[0]);
    }

    /** @return the detectors this inspector runs */
    public Set<Detector> detectors() {
        return detectors;
    }

    /**
     * @param value the raw string
     * @param field how the string is declared
     * @param work step counter
     * @return the first detector that fires, if any
     */
    public Optional<Detector> inspect(String value, FieldKind field, Work work) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String raw = value.length() > MAX_INSPECTED ? value.substring(0, MAX_INSPECTED) : value;
        Chars rawChars = Chars.of(raw);
        String s = Decoder.decode(raw, rawChars, work);
        Chars chars = Decoder.decodedChars(s, raw, rawChars);
        for (Detector d : order) {
            if (fires(d, s, chars, raw, field, work)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs one detector alone; for the corpus measurements.
     *
     * @param d the detector
     * @param value the raw string
     * @param field how the string is declared
     * @param work step counter
     * @return whether it fires
     */
    public static boolean fires(Detector d, String value, FieldKind field, Work work) {
        String s = Decoder.decode(value, work);
        return fires(d, s, Chars.of(s), value, field, work);
    }

    /**
     * As {@link #fires(Detector, String, FieldKind, Work)}, with every character-presence skip of the
     * detectors turned off ({@link Chars#withoutSkips}): the reference the skips are tested against.
     */
    static boolean firesWithoutSkips(Detector d, String value, FieldKind field, Work work) {
        String s = Decoder.decode(value, work);
        return fires(d, s, Chars.withoutSkips(s), value, field, work);
    }

    private static boolean fires(Detector d, String s, Chars chars, String raw, FieldKind field, Work work) {
        switch (d) {
            case SQL: return !field.key() && SqlDetector.detect(s, chars, work);
            case XSS: return MarkupDetectors.xss(s, chars, work);
            case COMMAND: return !field.key() && MarkupDetectors.command(s, chars, work);
            case PATH: return !field.key() && MarkupDetectors.path(s, field.relativePath(), work);
            case NOSQL: return MarkupDetectors.nosql(s, field.key(), work);
            case SSRF: return field.url() && SsrfDetector.detect(s, work);
            case CRLF: return MarkupDetectors.crlf(s, chars, work);
            case TEMPLATE: return MarkupDetectors.template(s, chars, work);
            case XXE: return MarkupDetectors.xxe(s, chars, work);
            default: throw new IllegalStateException("unknown detector " + d);
        }
    }

    /**
     * How a string is declared.
     *
     * @param key whether it is an object key
     * @param url whether the field holds a URL (SSRF applies)
     * @param relativePath whether the field holds a relative file name
     */
    public record FieldKind(boolean key, boolean url, boolean relativePath) {
        /** A plain string value. */
        public static final FieldKind VALUE = new FieldKind(false, false, false);
        /** An object key. */
        public static final FieldKind KEY = new FieldKind(true, false, false);
        /** A URL value. */
        public static final FieldKind URL = new FieldKind(false, true, false);
    }
}
