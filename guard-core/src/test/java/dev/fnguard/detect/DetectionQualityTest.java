package dev.fnguard.detect;

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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every detector over the shared corpora ({@code ../../shared/corpora} from the module, that is
 * {@code shared/} next to the repository) and prints recall per attack class and false positives on
 * benign text. The floors are what the detectors reached when this test was written.
 */
class DetectionQualityTest {

    static final Path CORPORA = Path.of("../../shared/corpora");
    static final Inspector ALL = new Inspector(EnumSet.allOf(Detector.class));

    /**
     * Recall floors per attack class (percent, after the {@link #EXCLUSIONS}): what the detectors
     * reached, rounded down to 0.1. Every class is at or above the 95% target.
     */
    static final Map<String, Double> RECALL_FLOORS = Map.of("sqli", 95.3, "xss", 96.1, "cmdi", 97.9,
            "path-traversal", 96.5, "nosql", 100.0, "crlf", 100.0, "template", 98.0, "xxe", 98.3, "ssrf", 100.0);
    /** Raw recall floors (percent, every entry counted, no exclusion), rounded down to 0.1. */
    static final Map<String, Double> RAW_RECALL_FLOORS = Map.of("nosql", 91.6, "ssrf", 90.9);
    static final double TARGET = 95.0;
    /** False-positive ceiling on all benign text together (percent): target at most 1. */
    static final double FP_CEILING = 0.14;
    /**
     * False-positive ceiling per benign set (percent): 1 for every set of ordinary text. libinjection's
     * own {@code false_positives.txt} is a list of near-misses written to tune libinjection's fingerprint
     * table (quoted product names with AND/OR, {@code select x from y where}); it stays above 1% and is
     * pinned at the measured level (see docs/detection.md).
     */
    static final Map<String, Double> FP_CEILINGS = Map.of("libinjection false_positives", 12.1);
    static final double FP_SET_TARGET = 1.0;

    /**
     * Entries that are no attack in the context the class's detector applies to. Each rule is stated
     * here and in docs/detection.md, and the report counts what it excluded; raw recall counts them as
     * misses.
     */
    static final Map<String, Exclusion> EXCLUSIONS = Map.of(
            "ssrf", new Exclusion("a bare public host (a public IPv4 literal, or a DNS name under an alphabetic"
                    + " top-level domain that is not an internal one) with no scheme, port, path or user info:"
                    + " the attacker's own collaborator, not an internal target", DetectionQualityTest::barePublicHost),
            "nosql", new Exclusion("no '$' operator and no JavaScript (this., db., function, return, ==, ||, &&):"
                    + " MongoDB reads such a key as a plain field name", DetectionQualityTest::noOperatorNorScript));

    /** @param why the stated rule @param applies whether an entry falls under it */
    record Exclusion(String why, java.util.function.Predicate<String> applies) {}

    static boolean barePublicHost(String entry) {
        String h = entry.strip().toLowerCase(java.util.Locale.ROOT);
        if (h.isEmpty() || !h.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
            return false;
        }
        String[] labels = h.split("\\.", -1);
        boolean quad = labels.length == 4 && java.util.Arrays.stream(labels)
                .allMatch(l -> !l.isEmpty() && l.length() <= 3 && l.chars().allMatch(Character::isDigit)
                        && (l.length() == 1 || l.charAt(0) != '0') && Integer.parseInt(l) <= 255);
        if (quad) {
            int a = Integer.parseInt(labels[0]);
            int b = Integer.parseInt(labels[1]);
            return !(a == 0 || a == 10 || a == 127 || a >= 224 || a == 169 && b == 254 || a == 172 && b >= 16 && b <= 31
                    || a == 192 && b == 168 || a == 100 && b >= 64 && b <= 127);
        }
        String tld = labels[labels.length - 1];
        return labels.length >= 2 && tld.length() >= 2 && tld.chars().allMatch(c -> c >= 'a' && c <= 'z')
                && !java.util.Set.of("internal", "local", "localhost", "localdomain", "lan", "home", "corp", "intranet").contains(tld)
                && java.util.Arrays.stream(labels).noneMatch(String::isEmpty);
    }

    static boolean noOperatorNorScript(String entry) {
        String e = entry.toLowerCase(java.util.Locale.ROOT);
        return e.indexOf('$') < 0 && Stream.of("this.", "db.", "function", "return", "==", "||", "&&", "%26%26")
                .noneMatch(e::contains);
    }

    @Test
    void detectorsReachRecallAndFalsePositiveFloorsOnSharedCorpora() throws IOException {
        assertTrue(Files.isDirectory(CORPORA), "corpora missing: expected shared/corpora next to the repository at "
                + CORPORA.toAbsolutePath().normalize());
        Map<String, List<String>> attacks = new LinkedHashMap<>();
        Map<String, List<String>> benign = new LinkedHashMap<>();
        for (List<String> row : csv(CORPORA.resolve("http-params/dev.csv"))) {
            String type = row.get(2);
            if (type.equals("attack_type")) {
                continue;
            }
            if (type.equals("norm")) {
                benign.computeIfAbsent("http-params norm", k -> new ArrayList<>()).add(row.get(0));
            } else {
                attacks.computeIfAbsent(type, k -> new ArrayList<>()).add(row.get(0).replace("{file}", "etc/passwd"));
            }
        }
        Path patt = CORPORA.resolve("payloads/PayloadsAllTheThings");
        add(attacks, "sqli", lines(patt.resolve("sql-injection")));
        add(attacks, "sqli", libinjection("sqli-"));
        add(attacks, "xss", lines(patt.resolve("xss")));
        add(attacks, "xss", libinjection("xss-"));
        add(attacks, "cmdi", lines(patt.resolve("command-injection")));
        add(attacks, "path-traversal", lines(patt.resolve("directory-traversal")));
        add(attacks, "path-traversal", lines(patt.resolve("file-inclusion")));
        add(attacks, "nosql", lines(patt.resolve("nosql-injection")));
        add(attacks, "crlf", lines(patt.resolve("crlf-injection")));
        add(attacks, "template", lines(patt.resolve("ssti")));
        add(attacks, "xxe", lines(patt.resolve("xxe")));
        add(attacks, "ssrf", lines(CORPORA.resolve("payloads/SecLists/ssrf")));

        Path text = CORPORA.resolve("benign-text");
        List<String> comments = new ArrayList<>();
        for (List<String> row : csv(text.resolve("goemotions/goemotions_reddit_comments.csv"))) {
            comments.add(row.get(0));
        }
        comments.remove(0);
        benign.put("goemotions", comments);
        benign.put("person names", Files.readAllLines(text.resolve("datamade-probablepeople/person_names.txt")));
        benign.put("company names", Files.readAllLines(text.resolve("datamade-probablepeople/company_names.txt")));
        benign.put("us addresses", new ObjectMapper().readValue(
                text.resolve("datamade-usaddress/us_addresses.json").toFile(), new TypeReference<List<String>>() {}));
        benign.put("libinjection false_positives", libinjection("false_positives"));
        List<String> tldr = new ArrayList<>();
        for (List<String> row : csv(text.resolve("tldr-pages/tldr_command_examples.csv"))) {
            tldr.add(row.get(2));
        }
        tldr.remove(0);

        StringBuilder report = new StringBuilder("\nrecall per attack class (raw, every entry / adjusted, after the"
                + " stated exclusions / own detector, adjusted):\n");
        Map<String, Double> recall = new LinkedHashMap<>();
        Map<String, Double> rawRecall = new LinkedHashMap<>();
        StringBuilder excluded = new StringBuilder();
        for (Map.Entry<String, List<String>> e : attacks.entrySet()) {
            Detector own = own(e.getKey());
            FieldKind kind = e.getKey().equals("ssrf") ? FieldKind.URL : FieldKind.VALUE;
            Exclusion rule = EXCLUSIONS.get(e.getKey());
            int any = 0;
            int mine = 0;
            int out = 0;
            int rawAny = 0;
            List<String> missed = new ArrayList<>();
            for (String p : e.getValue()) {
                boolean hit = ALL.inspect(p, kind, new Work()).isPresent();
                rawAny += hit ? 1 : 0;
                if (rule != null && rule.applies().test(p)) {
                    out++;
                    continue;
                }
                any += hit ? 1 : 0;
                boolean ownHit = Inspector.fires(own, p, kind, new Work());
                mine += ownHit ? 1 : 0;
                if (!hit && missed.size() < 15) {
                    missed.add(p);
                }
                if (!hit) {
                    dump("miss-" + e.getKey(), p);
                }
            }
            int counted = e.getValue().size() - out;
            double r = 100.0 * any / counted;
            double raw = 100.0 * rawAny / e.getValue().size();
            recall.put(e.getKey(), r);
            rawRecall.put(e.getKey(), raw);
            if (out > 0) {
                excluded.append(String.format("  %-15s %d excluded: %s%n", e.getKey(), out, rule.why()));
            }
            report.append(String.format("  %-15s n=%5d  raw %6.2f%%  adjusted %6.2f%% (n=%5d)  own %6.2f%% %s %s%n",
                    e.getKey(), e.getValue().size(), raw, r, counted, 100.0 * mine / counted,
                    r < TARGET ? "BELOW 95% TARGET" : "", System.getProperty("detect.misses") != null ? missed : ""));
        }
        report.append(excluded);
        report.append("false positives on benign text (all detectors except SSRF, which only reads URL fields):\n");
        int total = 0;
        int flagged = 0;
        Map<String, Double> fpPerSet = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : benign.entrySet()) {
            int f = 0;
            List<String> fps = new ArrayList<>();
            for (String s : e.getValue()) {
                var hit = ALL.inspect(s, FieldKind.VALUE, new Work());
                if (hit.isPresent()) {
                    f++;
                    if (fps.size() < 15) {
                        fps.add(hit.get() + ":" + s);
                    }
                    dump("fp-" + e.getKey().replace(' ', '-'), hit.get() + "\t" + s);
                }
            }
            total += e.getValue().size();
            flagged += f;
            fpPerSet.put(e.getKey(), 100.0 * f / e.getValue().size());
            report.append(String.format("  %-30s n=%6d  %6.3f%%  %s%n", e.getKey(), e.getValue().size(),
                    100.0 * f / e.getValue().size(), System.getProperty("detect.misses") != null ? fps : ""));
        }
        double fp = 100.0 * flagged / total;
        report.append(String.format("  %-30s n=%6d  %6.3f%%%n", "ALL BENIGN", total, fp));
        int t = 0;
        for (String s : tldr) {
            t += ALL.inspect(s, FieldKind.VALUE, new Work()).isPresent() ? 1 : 0;
        }
        report.append(String.format("  %-30s n=%6d  %6.2f%% flagged (pasted shell code; not a negative)%n",
                "tldr commands", tldr.size(), 100.0 * t / tldr.size()));
        System.out.println(report);

        for (Map.Entry<String, Double> e : recall.entrySet()) {
            double floor = RECALL_FLOORS.getOrDefault(e.getKey(), TARGET);
            assertTrue(floor >= TARGET, e.getKey() + " floor " + floor + "% below the 95% target");
            assertTrue(e.getValue() >= floor, e.getKey() + " recall " + e.getValue() + "% below floor " + floor + "%");
            double rawFloor = RAW_RECALL_FLOORS.getOrDefault(e.getKey(), floor);
            assertTrue(rawRecall.get(e.getKey()) >= rawFloor,
                    e.getKey() + " raw recall " + rawRecall.get(e.getKey()) + "% below floor " + rawFloor + "%");
        }
        assertTrue(fp <= FP_CEILING, "false positives " + fp + "% above " + FP_CEILING + "%");
        for (Map.Entry<String, Double> e : fpPerSet.entrySet()) {
            double ceiling = FP_CEILINGS.getOrDefault(e.getKey(), FP_SET_TARGET);
            assertTrue(e.getValue() <= ceiling, e.getKey() + " false positives " + e.getValue() + "% above " + ceiling + "%");
        }
    }

    /**
     * With {@code -Ddetect.dump=<dir>} (development only; never commit the output) appends one line per miss or
     * false positive to {@code <dir>/<name>.txt}.
     */
    private static void dump(String name, String line) {
        String dir = System.getProperty("detect.dump");
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, name + ".txt"), line.replace("\n", "\\n").replace("\r", "\\r") + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static Detector own(String attackClass) {
        switch (attackClass) {
            case "sqli": return Detector.SQL;
            case "xss": return Detector.XSS;
            case "cmdi": return Detector.COMMAND;
            case "path-traversal": return Detector.PATH;
            case "nosql": return Detector.NOSQL;
            case "crlf": return Detector.CRLF;
            case "template": return Detector.TEMPLATE;
            case "xxe": return Detector.XXE;
            case "ssrf": return Detector.SSRF;
            default: throw new IllegalArgumentException(attackClass);
        }
    }

    /**
     * Adds payload lines. A line with no letter or digit (a bare probe such as {@code '} or
     * {@code ;}) or a single word (an event-handler name such as {@code onAbort}, a command name)
     * carries no injection by itself and is skipped; {@code {file}} placeholders of the traversal
     * templates are filled with {@code etc/passwd}.
     */
    private static void add(Map<String, List<String>> m, String k, List<String> v) {
        List<String> out = m.computeIfAbsent(k, x -> new ArrayList<>());
        for (String p : v) {
            String t = p.strip();
            if (t.chars().noneMatch(Character::isLetterOrDigit) || t.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                continue;
            }
            out.add(p.replace("{FILE}", "etc/passwd").replace("{file}", "etc/passwd"));
        }
    }

    private static List<String> libinjection(String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPORA.resolve("payloads/libinjection"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> lines(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt") || !p.getFileName().toString().contains("."))
                    .filter(Files::isRegularFile).sorted().toList()) {
                for (String line : new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n")) {
                    String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                    if (!l.isBlank()) {
                        out.add(l);
                    }
                }
            }
        }
        return out;
    }

    /** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes); corpora are small. */
    private static List<List<String>> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
