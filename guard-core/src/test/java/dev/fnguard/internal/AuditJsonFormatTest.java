package dev.fnguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The audit line's hand-written formats are character for character what the JDK writes: the
 * timestamp as {@link Instant#toString()}, the micros as {@link Double#toString(double)} (what
 * Jackson's {@code writeNumber(double)} wrote before).
 */
class AuditJsonFormatTest {

    @Test
    void tenthsAreWrittenAsDoubleToStringWritesThem() {
        for (long t = 0; t < AuditJson.FAST_TENTHS; t++) {
            String expected = Double.toString(t / 10.0);
            String actual = AuditJson.tenths(t);
            if (!expected.equals(actual)) {
                assertEquals(expected, actual, "tenths " + t);
            }
        }
    }

    @Test
    void instantsAreWrittenAsInstantToStringWritesThem() {
        SplittableRandom r = new SplittableRandom(8);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long second = r.nextLong(from, to + 1);
            int nano;
            switch (i % 4) {
                case 0: nano = 0; break;
                case 1: nano = r.nextInt(1000) * 1_000_000; break;
                case 2: nano = r.nextInt(1_000_000) * 1000; break;
                default: nano = r.nextInt(1_000_000_000); break;
            }
            Instant t = Instant.ofEpochSecond(second, nano);
            assertEquals(t.toString(), AuditJson.instant(t));
        }
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "2026-12-01T21:49:18.000000001Z",
            "2026-02-28T23:59:59.999999999Z", "2028-02-29T12:00:00.100Z", "0999-12-31T23:59:59Z",
            "1000-01-01T00:00:00.010Z"}) {
            Instant t = Instant.parse(edge);
            assertEquals(t.toString(), AuditJson.instant(t));
        }
        Instant far = Instant.ofEpochSecond(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 1);
        assertEquals(far.toString(), AuditJson.instant(far));
    }

    @Test
    void aLineLongerThanTheGeneratorsBufferArrivesWholeAndEscaped() throws Exception {
        // Jackson hands a short line over in one write and a long one in several: both must make one line
        String id = "req-\"quoted\"-\u00e9-\u2028-" + "x".repeat(12_000);
        List<String> fields = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            fields.add("lines[" + i + "].code:Size");
        }
        List<dev.fnguard.CheckRun> checks = List.of(new dev.fnguard.CheckRun("schema", dev.fnguard.Decision.DENY, 12_345));
        dev.fnguard.AuditEvent e = new dev.fnguard.AuditEvent(Instant.parse("2026-12-01T23:59:59.123456Z"), id,
                java.util.Optional.empty(), "fn", dev.fnguard.Source.of(dev.fnguard.SourceKind.HTTP, "apigw-http", "api"),
                dev.fnguard.Caller.anonymous(), dev.fnguard.Mode.ENFORCE, dev.fnguard.Decision.DENY, List.of("CONSTRAINT"),
                fields, checks, 1, 10, "ab".repeat(32), 400, dev.fnguard.Outcome.SKIPPED, java.util.Optional.empty(),
                1_000, 2_000);
        String line = AuditJson.write(e);
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        assertEquals(id, n.get("requestId").asText());
        assertEquals(300, n.get("fields").size());
        assertEquals("lines[299].code:Size", n.get("fields").get(299).asText());
        assertEquals("2026-12-01T23:59:59.123456Z", n.get("time").asText());
        assertEquals(12.3, n.get("checks").get(0).get("micros").asDouble());
        assertEquals(-1, line.indexOf('\n'));
        String small = AuditJson.write(new dev.fnguard.AuditEvent(e.time(), "r", e.traceId(), "fn", e.source(), e.caller(),
                e.mode(), e.decision(), e.reasons(), List.of(), checks, 1, 10, e.payloadSha256(), 400, e.outcome(),
                e.errorType(), 1_000, 2_000));
        assertEquals("r", new com.fasterxml.jackson.databind.ObjectMapper().readTree(small).get("requestId").asText());
    }
}
