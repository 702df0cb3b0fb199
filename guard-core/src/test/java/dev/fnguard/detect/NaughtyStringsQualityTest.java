package dev.fnguard.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnguard.detect.internal.Inspector;
import dev.fnguard.detect.internal.Inspector.FieldKind;
import dev.fnguard.detect.internal.Work;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs every detector over the Big List of Naughty Strings ({@code naughty-strings/blns.txt} of the shared
 * corpora): recall per attack class on its injection sections, false positives on its benign sections, and
 * the robustness property that no string of {@code blns.txt} or of the decoded {@code blns.base64.json} makes
 * a detector throw or exceed the step bound of {@link DetectorsTest#workIsLinearInLengthOnPathologicalInput}.
 *
 * <p><b>Sections.</b> A section header is the first line of a comment block (a {@code #} line after a
 * non-comment line or at the top of the file) that is followed by a bare {@code #} line; its name is the
 * text after {@code #} and white space. Comment blocks without the bare {@code #} (notes such as "Strings
 * which contain two-byte letters" or "Non-whitespace C0 controls") belong to the section above them. Every
 * test string stands under the last header before it.
 *
 * <p><b>Classification rule</b> ({@link #SECTIONS}, also in docs/detection.md):
 * <ul>
 *   <li>a section whose name says it injects into an interpreter one of the detectors guards (SQL, script in
 *       HTML, server code or shell commands, XML entities, file inclusion, a template engine) is an attack
 *       section; its strings are attacks of that class;</li>
 *   <li>a section whose strings are text or data a field may legitimately hold (reserved words, numbers,
 *       punctuation and control characters, any Unicode script, emoji, quotation marks, names that
 *       profanity filters trip on, Windows device names, prose) is benign, whatever its name says
 *       ("Human injection" is prose, "IRC specific strings" are words that make security products
 *       freak out, "iOS Vulnerabilities" are Arabic and Telugu text that crashed a renderer);</li>
 *   <li>a section that attacks something no detector claims (printf and shell-variable interpolation,
 *       terminal escape sequences) or mixes classes (shellshock next to a modem hang-up string) is
 *       unscored: the report prints what fires on it, nothing is asserted.</li>
 * </ul>
 * Within an attack section a string with no letter or digit (the bare probes {@code %}, {@code _},
 * {@code --} and a lone space) carries no injection by itself and is skipped, the same rule the payload
 * lists follow in {@link DetectionQualityTest}; the report counts them.
 */
class NaughtyStringsQualityTest {

    static final Path BLNS = DetectionQualityTest.CORPORA.resolve("naughty-strings");
    static final String BENIGN = "benign";
    static final String UNSCORED = "unscored";

    /** Every section header of blns.txt, in file order, and its class: an attack class, benign or unscored. */
    static final Map<String, String> SECTIONS = sections(
            "Reserved Strings", BENIGN,
            "Numeric Strings", BENIGN,
            "Special Characters", BENIGN,
            "Unicode Symbols", BENIGN,
            "Unicode Subscript/Superscript/Accents", BENIGN,
            "Quotation Marks", BENIGN,
            "Two-Byte Characters", BENIGN,
            "Special Unicode Characters Union", BENIGN,
            "Changing length when lowercased", BENIGN,
            "Japanese Emoticons", BENIGN,
            "Emoji", BENIGN,
            "Regional Indicator Symbols", BENIGN,
            "Unicode Numbers", BENIGN,
            "Right-To-Left Strings", BENIGN,
            "Ogham Text", BENIGN,
            "Trick Unicode", BENIGN,
            "Zalgo Text", BENIGN,
            "Unicode Upsidedown", BENIGN,
            "Unicode font", BENIGN,
            "Script Injection", "xss",
            "SQL Injection", "sqli",
            "Server Code Injection", "cmdi",
            "Command Injection (Ruby)", "cmdi",
            "XXE Injection (XML)", "xxe",
            "Unwanted Interpolation", UNSCORED,
            "File Inclusion", "path-traversal",
            "Known CVEs and Vulnerabilities", UNSCORED,
            "MSDOS/Windows Special Filenames", BENIGN,
            "IRC specific strings", BENIGN,
            "Scunthorpe Problem", BENIGN,
            "Human injection", BENIGN,
            "Terminal escape codes", UNSCORED,
            "iOS Vulnerabilities", BENIGN,
            "Persian special characters", BENIGN,
            "jinja2 injection", "template");

    /** Recall floors per attack class (percent): what the detectors reached, rounded down to 0.1. */
    static final Map<String, Double> RECALL_FLOORS = Map.of("xss", 99.5, "sqli", 100.0, "cmdi", 69.2,
            "xxe", 100.0, "path-traversal", 100.0, "template", 100.0);
    /**
     * False-positive ceiling on the benign sections together (percent): the 1% target (0% measured; before
     * the UNC-root and Unicode-line-separator rules of this round it was 3 of 236, 1.27%).
     */
    static final double FP_CEILING = 1.0;
    /** The bound of {@link DetectorsTest#workIsLinearInLengthOnPathologicalInput}: steps per char. */
    static final long STEPS_PER_CHAR = 40;

    private static final FieldKind RELATIVE_PATH = new FieldKind(false, false, true);
    private static final List<FieldKind> KINDS = List.of(FieldKind.VALUE, FieldKind.KEY, FieldKind.URL, RELATIVE_PATH);

    @Test
    void detectorsReachRecallAndFalsePositiveFloorsOnNaughtyStrings() throws IOException {
        Map<String, List<String>> bySection = readSections(BLNS.resolve("blns.txt"));
        assertEquals(SECTIONS.keySet(), bySection.keySet(), "blns.txt section headers differ from SECTIONS");

        Map<String, int[]> attack = new TreeMap<>(); // class -> {counted, any, own, skipped}
        Map<String, List<String>> missed = new TreeMap<>();
        int benign = 0;
        int flagged = 0;
        List<String> falsePositives = new ArrayList<>();
        StringBuilder unscored = new StringBuilder();
        for (Map.Entry<String, List<String>> section : bySection.entrySet()) {
            String cls = SECTIONS.get(section.getKey());
            for (String s : section.getValue()) {
                Optional<Detector> hit = DetectionQualityTest.ALL.inspect(s, FieldKind.VALUE, new Work());
                if (cls.equals(BENIGN)) {
                    benign++;
                    if (hit.isPresent()) {
                        flagged++;
                        falsePositives.add(hit.get() + " in " + section.getKey() + ": " + printable(s));
                    }
                } else if (cls.equals(UNSCORED)) {
                    unscored.append(String.format("    %-32s %-9s %s%n", section.getKey(),
                            hit.map(Detector::name).orElse("-"), printable(s)));
                } else {
                    int[] c = attack.computeIfAbsent(cls, k -> new int[4]);
                    if (s.chars().noneMatch(Character::isLetterOrDigit)) {
                        c[3]++;
                        continue;
                    }
                    c[0]++;
                    c[1] += hit.isPresent() ? 1 : 0;
                    c[2] += Inspector.fires(own(cls), s, FieldKind.VALUE, new Work()) ? 1 : 0;
                    if (hit.isEmpty()) {
                        missed.computeIfAbsent(cls, k -> new ArrayList<>()).add(printable(s));
                    }
                }
            }
        }

        StringBuilder report = new StringBuilder("\nnaughty strings (blns.txt), recall per attack class (any detector"
                + " / own detector; bare probes with no letter or digit skipped):\n");
        Map<String, Double> recall = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : attack.entrySet()) {
            int[] c = e.getValue();
            double r = 100.0 * c[1] / c[0];
            recall.put(e.getKey(), r);
            report.append(String.format("  %-15s n=%4d  any %6.2f%%  own %6.2f%%  skipped %d  missed %s%n", e.getKey(),
                    c[0], r, 100.0 * c[2] / c[0], c[3], missed.getOrDefault(e.getKey(), List.of())));
        }
        double fp = 100.0 * flagged / benign;
        report.append(String.format("false positives on the benign sections: n=%d  flagged %d  %.3f%%  %s%n",
                benign, flagged, fp, falsePositives));
        report.append("unscored sections (section, first detector that fires, string):\n").append(unscored);
        System.out.println(report);

        assertEquals(RECALL_FLOORS.keySet(), recall.keySet(), "attack classes of blns.txt differ from RECALL_FLOORS");
        for (Map.Entry<String, Double> e : recall.entrySet()) {
            assertTrue(e.getValue() >= RECALL_FLOORS.get(e.getKey()), e.getKey() + " recall " + e.getValue()
                    + "% below floor " + RECALL_FLOORS.get(e.getKey()) + "%; missed " + missed.get(e.getKey()));
        }
        assertTrue(fp <= FP_CEILING, "false positives " + fp + "% above " + FP_CEILING + "%: " + falsePositives);
    }

    /**
     * Every string of blns.txt (every section, comments and blank lines aside) and every entry of
     * blns.base64.json, decoded to bytes and read both as UTF-8 and as ISO-8859-1 (one char per byte, so
     * invalid UTF-8 and raw control bytes reach the detectors too), through every detector alone and through
     * the whole inspector, as a value, a key, a URL and a relative file name: no exception, and at most
     * {@link #STEPS_PER_CHAR} steps per char.
     */
    @Test
    void everyNaughtyStringRunsThroughEveryDetectorWithinTheStepBound() throws IOException {
        List<String> strings = new ArrayList<>();
        readSections(BLNS.resolve("blns.txt")).values().forEach(strings::addAll);
        int plain = strings.size();
        List<String> encoded = new ObjectMapper().readValue(BLNS.resolve("blns.base64.json").toFile(),
                new TypeReference<List<String>>() {});
        for (String b64 : encoded) {
            byte[] bytes = Base64.getDecoder().decode(b64);
            strings.add(new String(bytes, StandardCharsets.UTF_8));
            strings.add(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        assertEquals(516, plain, "blns.txt strings (SOURCE.md: 516)");
        assertEquals(676, encoded.size(), "blns.base64.json entries (SOURCE.md: 676)");

        List<String> failures = new ArrayList<>();
        long maxPerChar = 0;
        for (String s : strings) {
            long bound = STEPS_PER_CHAR * s.length();
            for (FieldKind kind : KINDS) {
                for (Detector d : Detector.values()) {
                    Work work = new Work();
                    try {
                        Inspector.fires(d, s, kind, work);
                    } catch (RuntimeException ex) {
                        failures.add(d + " " + kind + " threw " + ex + " on " + printable(s));
                        continue;
                    }
                    if (work.steps() > bound) {
                        failures.add(d + " " + kind + " took " + work.steps() + " steps for " + s.length() + " chars: "
                                + printable(s));
                    }
                    maxPerChar = Math.max(maxPerChar, s.isEmpty() ? work.steps() : work.steps() / s.length());
                }
                Work work = new Work();
                try {
                    DetectionQualityTest.ALL.inspect(s, kind, work);
                } catch (RuntimeException ex) {
                    failures.add("all detectors " + kind + " threw " + ex + " on " + printable(s));
                    continue;
                }
                if (work.steps() > bound) {
                    failures.add("all detectors " + kind + " took " + work.steps() + " steps for " + s.length()
                            + " chars: " + printable(s));
                }
            }
        }
        System.out.printf("%nnaughty strings robustness: %d strings (%d of blns.txt, %d base64 entries read as UTF-8"
                + " and as ISO-8859-1) x %d detectors x %d field kinds, most steps per char for one detector %d%n",
                strings.size(), plain, encoded.size(), Detector.values().length, KINDS.size(), maxPerChar);
        assertEquals(List.of(), failures);
    }

    /**
     * @param file blns.txt
     * @return the test strings under each section header, in file order (empty lines separate entries and
     *     are no strings; every other line that does not start with {@code #} is one)
     */
    static Map<String, List<String>> readSections(Path file) throws IOException {
        String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
        Map<String, List<String>> out = new LinkedHashMap<>();
        String section = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                boolean blockStart = i == 0 || !lines[i - 1].startsWith("#");
                if (blockStart && i + 1 < lines.length && lines[i + 1].equals("#")) {
                    section = line.substring(1).strip();
                    out.put(section, new ArrayList<>());
                }
            } else if (!line.isEmpty()) {
                assertTrue(section != null, "string before the first section header at line " + (i + 1));
                out.get(section).add(line);
            }
        }
        return out;
    }

    private static Detector own(String attackClass) {
        switch (attackClass) {
            case "sqli": return Detector.SQL;
            case "xss": return Detector.XSS;
            case "cmdi": return Detector.COMMAND;
            case "path-traversal": return Detector.PATH;
            case "xxe": return Detector.XXE;
            case "template": return Detector.TEMPLATE;
            default: throw new IllegalArgumentException(attackClass);
        }
    }

    private static Map<String, String> sections(String... nameThenClass) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            m.put(nameThenClass[i], nameThenClass[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Control characters as {@code \\uXXXX}, so the report stays one line per string. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
