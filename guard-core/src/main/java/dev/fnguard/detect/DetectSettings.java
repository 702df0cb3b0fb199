package dev.fnguard.detect;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compiled {@link Detect} settings: which detectors run, the action on a finding, and the field
 * paths that are exempt, hold URLs, or hold relative file names.
 *
 * @param detectors detectors to run; empty turns detection off (the default)
 * @param action the action on a finding (default {@link Action#BLOCK})
 * @param exempt exempt field paths
 * @param urls field paths holding URLs (the only ones the SSRF detector reads)
 * @param relativePaths field paths holding relative file names
 */
public record DetectSettings(Set<Detector> detectors, Action action, Set<String> exempt, Set<String> urls,
        Set<String> relativePaths) {

    /** Validates and copies. */
    public DetectSettings {
        detectors = detectors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(detectors));
        Objects.requireNonNull(action, "detect.action");
        exempt = Set.copyOf(exempt);
        urls = Set.copyOf(urls);
        relativePaths = Set.copyOf(relativePaths);
    }

    /** @return detection off: no detectors */
    public static DetectSettings off() {
        return new DetectSettings(Set.of(), Action.BLOCK, Set.of(), Set.of(), Set.of());
    }

    /**
     * @param d the annotation
     * @return its settings
     */
    public static DetectSettings of(Detect d) {
        return new DetectSettings(Set.of(d.value()), d.action(), Set.copyOf(List.of(d.exempt())),
                Set.copyOf(List.of(d.urls())), Set.copyOf(List.of(d.relativePaths())));
    }

    /** @return whether any detector runs */
    public boolean enabled() {
        return !detectors.isEmpty();
    }
}
