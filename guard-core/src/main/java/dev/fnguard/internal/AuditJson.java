package dev.fnguard.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.fnguard.AuditEvent;
import dev.fnguard.Caller;
import dev.fnguard.CheckRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Writes an {@link AuditEvent} as one line of JSON (the schema is documented in the README). The
 * timestamp and the micros are formatted by hand, character for character as {@link Instant#toString()}
 * and {@link Double#toString(double)} would write them (both pinned by tests), because those two
 * took a third of the line's time.
 */
public final class AuditJson {

    // field names and fixed values, quoted and escaped once (Jackson's SerializedString)
    private static final SerializedString N_ANONYMOUS = new SerializedString("anonymous");
    private static final SerializedString N_BYTES = new SerializedString("bytes");
    private static final SerializedString N_CALLER = new SerializedString("caller");
    private static final SerializedString N_CHECKS = new SerializedString("checks");
    private static final SerializedString N_DECISION = new SerializedString("decision");
    private static final SerializedString N_ERROR = new SerializedString("error");
    private static final SerializedString N_FIELDS = new SerializedString("fields");
    private static final SerializedString N_FUNCTION = new SerializedString("function");
    private static final SerializedString N_GUARD_MICROS = new SerializedString("guardMicros");
    private static final SerializedString N_ID = new SerializedString("id");
    private static final SerializedString N_ISSUER = new SerializedString("issuer");
    private static final SerializedString N_KIND = new SerializedString("kind");
    private static final SerializedString N_METHOD = new SerializedString("method");
    private static final SerializedString N_MICROS = new SerializedString("micros");
    private static final SerializedString N_MODE = new SerializedString("mode");
    private static final SerializedString N_NAME = new SerializedString("name");
    private static final SerializedString N_OUTCOME = new SerializedString("outcome");
    private static final SerializedString N_PAYLOAD = new SerializedString("payload");
    private static final SerializedString N_REASONS = new SerializedString("reasons");
    private static final SerializedString N_RECORD_ID = new SerializedString("recordId");
    private static final SerializedString N_RECORDS = new SerializedString("records");
    private static final SerializedString N_REQUEST_ID = new SerializedString("requestId");
    private static final SerializedString N_ROLES = new SerializedString("roles");
    private static final SerializedString N_SCOPES = new SerializedString("scopes");
    private static final SerializedString N_SHA256 = new SerializedString("sha256");
    private static final SerializedString N_SOURCE = new SerializedString("source");
    private static final SerializedString N_STATUS = new SerializedString("status");
    private static final SerializedString N_SUBJECT = new SerializedString("subject");
    private static final SerializedString N_TIME = new SerializedString("time");
    private static final SerializedString N_TOTAL_MICROS = new SerializedString("totalMicros");
    private static final SerializedString N_TRACE_ID = new SerializedString("traceId");
    private static final SerializedString N_TYPE = new SerializedString("type");
    private static final SerializedString N_V = new SerializedString("v");
    private static final SerializedString AUDIT_TYPE = new SerializedString("fnguard.audit");
    private static final SerializedString[] DECISIONS = java.util.Arrays.stream(dev.fnguard.Decision.values())
            .map(d -> new SerializedString(d.wireName())).toArray(SerializedString[]::new);

    /** Version of the audit schema, written as {@code "v"}. */
    public static final int SCHEMA_VERSION = 1;

    private AuditJson() {
    }

    /** Prefix of the field that names the record of a per-record audit event. */
    public static final String RECORD_ID_FIELD = "recordId=";

    /** Tenths of a microsecond below this are written by hand (Double.toString switches to E notation at 10^7). */
    static final long FAST_TENTHS = 10_000_000L;

    /**
     * Serializes the event.
     *
     * @param e the event
     * @return one line of JSON
     */
    public static String write(AuditEvent e) {
        Line out = new Line();
        char[] digits = new char[32];
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName(N_TYPE);
            g.writeString(AUDIT_TYPE);
            g.writeFieldName(N_V);
            g.writeNumber(SCHEMA_VERSION);
            g.writeFieldName(N_TIME);
            g.writeString(digits, 0, instant(e.time(), digits));
            g.writeFieldName(N_REQUEST_ID);
            g.writeString(e.requestId());
            // per-record events of a batch (Guard.completeRecord) name their record at the top level
            if (!e.fields().isEmpty() && e.fields().get(0).startsWith(RECORD_ID_FIELD)) {
                g.writeFieldName(N_RECORD_ID);
                g.writeString(e.fields().get(0).substring(RECORD_ID_FIELD.length()));
            }
            if (e.traceId().isPresent()) {
                g.writeFieldName(N_TRACE_ID);
                g.writeString(e.traceId().get());
            }
            g.writeFieldName(N_FUNCTION);
            g.writeString(e.functionName());
            g.writeFieldName(N_SOURCE);
            g.writeStartObject();
            g.writeFieldName(N_KIND);
            g.writeString(e.source().kind().name());
            g.writeFieldName(N_TYPE);
            g.writeString(e.source().type());
            if (e.source().identity().isPresent()) {
                g.writeFieldName(N_ID);
                g.writeString(e.source().identity().get());
            }
            g.writeEndObject();
            writeCaller(g, e.caller());
            g.writeFieldName(N_MODE);
            g.writeString(e.mode().name().toLowerCase(Locale.ROOT));
            g.writeFieldName(N_DECISION);
            g.writeString(DECISIONS[e.decision().ordinal()]);
            g.writeFieldName(N_REASONS);
            g.writeStartArray();
            for (String r : e.reasons()) {
                g.writeString(r);
            }
            g.writeEndArray();
            if (!e.fields().isEmpty()) {
                g.writeFieldName(N_FIELDS);
                g.writeStartArray();
                for (String f : e.fields()) {
                    g.writeString(f);
                }
                g.writeEndArray();
            }
            g.writeFieldName(N_CHECKS);
            g.writeStartArray();
            for (CheckRun c : e.checks()) {
                g.writeStartObject();
                g.writeFieldName(N_NAME);
                g.writeString(c.name());
                g.writeFieldName(N_DECISION);
                g.writeString(DECISIONS[c.decision().ordinal()]);
                g.writeFieldName(N_MICROS);
                micros(g, c.nanos(), digits);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName(N_RECORDS);
            g.writeNumber(e.records());
            g.writeFieldName(N_PAYLOAD);
            g.writeStartObject();
            g.writeFieldName(N_BYTES);
            g.writeNumber(e.payloadBytes());
            g.writeFieldName(N_SHA256);
            g.writeString(e.payloadSha256());
            g.writeEndObject();
            if (e.status() > 0) {
                g.writeFieldName(N_STATUS);
                g.writeNumber(e.status());
            }
            g.writeFieldName(N_OUTCOME);
            g.writeString(e.outcome().wireName());
            if (e.errorType().isPresent()) {
                g.writeFieldName(N_ERROR);
                g.writeString(e.errorType().get());
            }
            g.writeFieldName(N_GUARD_MICROS);
            micros(g, e.guardNanos(), digits);
            g.writeFieldName(N_TOTAL_MICROS);
            micros(g, e.totalNanos(), digits);
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static void writeCaller(JsonGenerator g, Caller c) throws IOException {
        g.writeFieldName(N_CALLER);
        g.writeStartObject();
        g.writeFieldName(N_ANONYMOUS);
        g.writeBoolean(c.isAnonymous());
        g.writeFieldName(N_METHOD);
        g.writeString(c.method());
        if (c.subject().isPresent()) {
            g.writeFieldName(N_SUBJECT);
            g.writeString(c.subject().get());
        }
        if (c.issuer().isPresent()) {
            g.writeFieldName(N_ISSUER);
            g.writeString(c.issuer().get());
        }
        if (!c.scopes().isEmpty()) {
            g.writeFieldName(N_SCOPES);
            g.writeStartArray();
            for (String s : c.scopes().stream().sorted().toList()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        if (!c.roles().isEmpty()) {
            g.writeFieldName(N_ROLES);
            g.writeStartArray();
            for (String s : c.roles().stream().sorted().toList()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Writes nanoseconds as microseconds rounded to a tenth, as the number {@code Double.toString} would. */
    private static void micros(JsonGenerator g, long nanos, char[] digits) throws IOException {
        long tenths = Math.round(nanos / 100.0);
        if (tenths >= 0 && tenths < FAST_TENTHS) {
            g.writeNumber(digits, 0, tenths(tenths, digits));
        } else {
            g.writeNumber(tenths / 10.0);
        }
    }

    /**
     * @param tenths a count of tenths, {@code 0 <= tenths < FAST_TENTHS}
     * @return the same text as {@code Double.toString(tenths / 10.0)}
     */
    static String tenths(long tenths) {
        char[] b = new char[32];
        return new String(b, 0, tenths(tenths, b));
    }

    /** As {@link #tenths(long)}, into {@code b} from index 0; returns the length. */
    private static int tenths(long tenths, char[] b) {
        int at = decimal(tenths / 10, b, 0);
        b[at++] = '.';
        b[at++] = (char) ('0' + tenths % 10);
        return at;
    }

    /** Writes {@code v >= 0} in decimal at {@code b[at]}; returns the index after it. */
    private static int decimal(long v, char[] b, int at) {
        int len = 1;
        for (long r = v / 10; r > 0; r /= 10) {
            len++;
        }
        long r = v;
        for (int i = at + len - 1; i >= at; i--) {
            b[i] = (char) ('0' + r % 10);
            r /= 10;
        }
        return at + len;
    }

    /**
     * @param t an instant
     * @return the same text as {@link Instant#toString()}: ISO-8601 in UTC, the fraction in groups of three
     *     digits, as many as needed
     */
    static String instant(Instant t) {
        char[] b = new char[64];
        return new String(b, 0, instant(t, b));
    }

    /** As {@link #instant(Instant)}, into {@code b} (at least 64 chars) from index 0; returns the length. */
    private static int instant(Instant t, char[] b) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            String jdk = t.toString(); // signs and padding of distant years: leave them to the JDK
            jdk.getChars(0, jdk.length(), b, 0);
            return jdk.length();
        }
        int at = fixed(d.getYear(), 4, b, 0);
        b[at++] = '-';
        at = fixed(d.getMonthValue(), 2, b, at);
        b[at++] = '-';
        at = fixed(d.getDayOfMonth(), 2, b, at);
        b[at++] = 'T';
        at = fixed(d.getHour(), 2, b, at);
        b[at++] = ':';
        at = fixed(d.getMinute(), 2, b, at);
        b[at++] = ':';
        at = fixed(d.getSecond(), 2, b, at);
        int nano = t.getNano();
        if (nano > 0) {
            b[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = fixed(nano / 1_000_000, 3, b, at);
            } else if (nano % 1000 == 0) {
                at = fixed(nano / 1000, 6, b, at);
            } else {
                at = fixed(nano, 9, b, at);
            }
        }
        b[at++] = 'Z';
        return at;
    }

    /** Writes {@code 0 <= v < 10^width} in exactly {@code width} digits at {@code b[at]}; returns the index after them. */
    private static int fixed(int v, int width, char[] b, int at) {
        int r = v;
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (char) ('0' + r % 10);
            r /= 10;
        }
        return at + width;
    }

    /**
     * An unsynchronized writer that makes the line one String. Jackson's generator buffers the whole
     * line and hands it over in one write when it closes (lines longer than its buffer come in several),
     * so the usual case is one {@code new String(char[])}, with no copy of its own (a
     * {@code StringWriter} locks per write; a {@code StringBuilder} tests every appended char for Latin-1).
     */
    private static final class Line extends Writer {
        private String first;
        private char[] more;
        private int n;

        @Override
        public void write(char[] cbuf, int off, int len) {
            if (first == null && more == null) {
                first = new String(cbuf, off, len);
                return;
            }
            room(len);
            System.arraycopy(cbuf, off, more, n, len);
            n += len;
        }

        /** Switches to a growing buffer holding what came so far, with room for {@code len} more. */
        private void room(int len) {
            if (more == null) {
                more = new char[Math.max(1024, first.length() * 2 + len)];
                first.getChars(0, first.length(), more, 0);
                n = first.length();
                first = null;
            } else if (n + len > more.length) {
                more = java.util.Arrays.copyOf(more, Math.max(more.length * 2, n + len));
            }
        }

        @Override
        public void write(int c) {
            write(new char[] {(char) c}, 0, 1);
        }

        @Override
        public void write(String str, int off, int len) {
            if (first == null && more == null) {
                first = str.substring(off, off + len);
                return;
            }
            room(len);
            str.getChars(off, off + len, more, n);
            n += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return more != null ? new String(more, 0, n) : first != null ? first : "";
        }
    }
}
