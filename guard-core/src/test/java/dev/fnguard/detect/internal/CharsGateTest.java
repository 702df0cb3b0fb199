package dev.fnguard.detect.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.detect.Detector;
import dev.fnguard.detect.internal.Inspector.FieldKind;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The detectors skip the scans whose marker characters a string does not hold ({@link Chars}); every
 * skip must be a necessary condition only. Each detector's answer with the skips is compared with its
 * answer with every skip turned off ({@link Chars#withoutSkips}), over every line of the shared corpora, over
 * generated strings made of the detectors' own markers and their characters, and under every field kind.
 */
class CharsGateTest {

    private static final Path CORPORA = Path.of("../../shared/corpora");
    private static final FieldKind[] KINDS = {FieldKind.VALUE, FieldKind.KEY, FieldKind.URL,
        new FieldKind(false, false, true)};

    @Test
    void theSkipsChangeNoAnswerOnAnyLineOfTheCorpora() throws IOException {
        List<String> lines = corpusLines();
        assertTrue(lines.size() > 20_000, "corpora missing or truncated: " + lines.size() + " lines");
        int fired = compare(lines);
        assertTrue(fired > 5_000, "the corpora's attacks should fire often: " + fired);
    }

    @Test
    void theSkipsChangeNoAnswerOnStringsBuiltFromTheMarkers() {
        String[] fragments = {"<", ">", "=", "\"", "'", "`", "(", ")", "[", "]", "{", "}", "$", "%", "&", ";", "|",
            "\n", "\r", "\u2028", "\u560a", ":", ".", "-", "--", "/", "\\", "#", "@", "*", "!", "?", " ", "\t", "+", ",",
            "union", "select", "or", "and", "1", "0x1f", "drop", "from", "where", "sleep", "script", "img", "svg",
            "onerror", "onload", "javascript:", "alert", "document.cookie", "fromcharcode", "-moz-binding",
            ".innerhtml", "window[", "top[", "whoami", "uname", "ls", "cat", "/etc/passwd", "bin/sh", "$(", "${ifs}",
            "%x(", "exec", "system", "<?php", "<!--#exec", "{{", "}}", "${jndi", "#set(", "[[", "]]", "@(", "<%", "%}",
            "<!doctype", "<!entity", "xi:include", "<?xml", "&amp;", "&lt;", "%3c", "%27", "%0a", "\\u003c", "&#60",
            "..", "../", "..\\", "c:", "file:", "$where", "$ne", "db.", "this.", "http://", "169.254.169.254",
            "location:", "set-cookie:", "http/1.1", "é", "Ω", "A", "Z", "bearer", "eyjhbgci", "_", "9"};
        SplittableRandom random = new SplittableRandom(20261201L);
        List<String> generated = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            StringBuilder b = new StringBuilder();
            int parts = 1 + random.nextInt(7);
            for (int p = 0; p < parts; p++) {
                b.append(fragments[random.nextInt(fragments.length)]);
            }
            generated.add(b.toString());
        }
        int fired = compare(generated);
        assertTrue(fired > 1_000, "generated strings should fire often: " + fired);
    }

    @Test
    void aStringOfWordCharactersAndDotsIsNeverSqlAndIsSkipped() {
        for (String s : List.of("select", "union", "or", "1", "..select", ".5", "drop.table", "a_b$c.d", "or1",
                "selectéfrom")) {
            assertFalse(SqlDetector.detect(s, Chars.withoutSkips(s), new Work()), s);
            Work skipped = new Work();
            assertFalse(SqlDetector.detect(s, skipped), s);
            assertEquals(0, skipped.steps(), "not tokenized at all: " + s);
        }
        // one breaking character is enough for the tokenizer to run again
        assertTrue(SqlDetector.detect("1 or 1=1", new Work()));
        assertTrue(SqlDetector.detect("drop-select", new Work()));
    }

    @Test
    void charsAnswerForEveryCharacter() {
        Chars c = Chars.of("a<\u2028Z");
        assertTrue(c.has('a'));
        assertTrue(c.has('<'));
        assertTrue(c.has('Z'));
        assertFalse(c.has('>'));
        assertFalse(c.has('z'));
        assertTrue(c.beyondAscii());
        assertTrue(c.has('\u560a'), "beyond ASCII is one answer for every such character");
        assertTrue(Chars.withoutSkips("x").has('<'), "without skips every skip question is answered yes");
        assertFalse(Chars.withoutSkips("x").holds('<'), "a rule's question stays exact");
        assertTrue(Chars.withoutSkips("x").any(Chars.set(";")));
        assertFalse(Chars.of("plain").beyondAscii());
        assertTrue(Chars.of("x;").any(Chars.set(";|")));
        assertFalse(Chars.of("x").any(Chars.set(";|")));
        assertTrue(Chars.of("x-").any(Chars.allBut("abcdefghijklmnopqrstuvwxyz")));
        assertFalse(Chars.of("xyz").any(Chars.allBut("abcdefghijklmnopqrstuvwxyz")));
    }

    private static final Inspector EVERY_DETECTOR = new Inspector(java.util.EnumSet.allOf(Detector.class));

    private static int compare(List<String> strings) {
        int fired = 0;
        for (String s : strings) {
            for (FieldKind kind : KINDS) {
                // the inspector's own decode-or-lower-case shortcut, against the first detector that fires without skips
                java.util.Optional<Detector> expected = java.util.Optional.empty();
                for (Detector d : Detector.values()) {
                    if (Inspector.firesWithoutSkips(d, s, kind, new Work())) {
                        expected = java.util.Optional.of(d);
                        break;
                    }
                }
                java.util.Optional<Detector> inspected = EVERY_DETECTOR.inspect(s, kind, new Work());
                if (!inspected.equals(expected)) {
                    assertEquals(expected, inspected, "inspector, " + kind + " on " + printable(s));
                }
            }
            for (Detector d : Detector.values()) {
                for (FieldKind kind : KINDS) {
                    boolean skipping = Inspector.fires(d, s, kind, new Work());
                    boolean reference = Inspector.firesWithoutSkips(d, s, kind, new Work());
                    if (skipping != reference) {
                        assertEquals(reference, skipping, d + " " + kind + " on " + printable(s));
                    }
                    fired += skipping ? 1 : 0;
                }
            }
        }
        return fired;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < ' ' || c > '~' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    private static List<String> corpusLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPORA)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                if (Files.size(f) > 2_000_000) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(f);
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                } catch (java.nio.charset.CharacterCodingException e) {
                    continue; // not text
                }
                if (text.indexOf('\0') >= 0) {
                    continue;
                }
                for (String line : text.split("\n", -1)) {
                    if (!line.isEmpty() && line.length() <= 4096) {
                        lines.add(line);
                    }
                }
            }
        }
        return lines;
    }
}
