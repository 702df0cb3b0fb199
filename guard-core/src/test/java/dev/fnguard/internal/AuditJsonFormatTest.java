package dev.fnguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
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
}
