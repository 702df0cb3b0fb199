package dev.fnguard.internal;

import com.fasterxml.jackson.core.JsonGenerator;
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
        Line out = new Line(768);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "fnguard.audit");
            g.writeNumberField("v", SCHEMA_VERSION);
            g.writeStringField("time", instant(e.time()));
            g.writeStringField("requestId", e.requestId());
            // per-record events of a batch (Guard.completeRecord) name their record at the top level
            if (!e.fields().isEmpty() && e.fields().get(0).startsWith(RECORD_ID_FIELD)) {
                g.writeStringField("recordId", e.fields().get(0).substring(RECORD_ID_FIELD.length()));
            }
            if (e.traceId().isPresent()) {
                g.writeStringField("traceId", e.traceId().get());
            }
            g.writeStringField("function", e.functionName());
            g.writeObjectFieldStart("source");
            g.writeStringField("kind", e.source().kind().name());
            g.writeStringField("type", e.source().type());
            if (e.source().identity().isPresent()) {
                g.writeStringField("id", e.source().identity().get());
            }
            g.writeEndObject();
            writeCaller(g, e.caller());
            g.writeStringField("mode", e.mode().name().toLowerCase(Locale.ROOT));
            g.writeStringField("decision", e.decision().wireName());
            g.writeArrayFieldStart("reasons");
            for (String r : e.reasons()) {
                g.writeString(r);
            }
            g.writeEndArray();
            if (!e.fields().isEmpty()) {
                g.writeArrayFieldStart("fields");
                for (String f : e.fields()) {
                    g.writeString(f);
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("checks");
            for (CheckRun c : e.checks()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("decision", c.decision().wireName());
                g.writeFieldName("micros");
                micros(g, c.nanos());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("records", e.records());
            g.writeObjectFieldStart("payload");
            g.writeNumberField("bytes", e.payloadBytes());
            g.writeStringField("sha256", e.payloadSha256());
            g.writeEndObject();
            if (e.status() > 0) {
                g.writeNumberField("status", e.status());
            }
            g.writeStringField("outcome", e.outcome().wireName());
            if (e.errorType().isPresent()) {
                g.writeStringField("error", e.errorType().get());
            }
            g.writeFieldName("guardMicros");
            micros(g, e.guardNanos());
            g.writeFieldName("totalMicros");
            micros(g, e.totalNanos());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static void writeCaller(JsonGenerator g, Caller c) throws IOException {
        g.writeObjectFieldStart("caller");
        g.writeBooleanField("anonymous", c.isAnonymous());
        g.writeStringField("method", c.method());
        if (c.subject().isPresent()) {
            g.writeStringField("subject", c.subject().get());
        }
        if (c.issuer().isPresent()) {
            g.writeStringField("issuer", c.issuer().get());
        }
        if (!c.scopes().isEmpty()) {
            g.writeArrayFieldStart("scopes");
            for (String s : c.scopes().stream().sorted().toList()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        if (!c.roles().isEmpty()) {
            g.writeArrayFieldStart("roles");
            for (String s : c.roles().stream().sorted().toList()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Writes nanoseconds as microseconds rounded to a tenth, as the number {@code Double.toString} would. */
    private static void micros(JsonGenerator g, long nanos) throws IOException {
        long tenths = Math.round(nanos / 100.0);
        if (tenths >= 0 && tenths < FAST_TENTHS) {
            g.writeNumber(tenths(tenths));
        } else {
            g.writeNumber(tenths / 10.0);
        }
    }

    /**
     * @param tenths a count of tenths, {@code 0 <= tenths < FAST_TENTHS}
     * @return the same text as {@code Double.toString(tenths / 10.0)}
     */
    static String tenths(long tenths) {
        return new StringBuilder(10).append(tenths / 10).append('.').append((char) ('0' + tenths % 10)).toString();
    }

    /**
     * @param t an instant
     * @return the same text as {@link Instant#toString()}: ISO-8601 in UTC, the fraction in groups of three
     *     digits, as many as needed
     */
    static String instant(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return t.toString(); // signs and padding of distant years: leave them to the JDK
        }
        StringBuilder b = new StringBuilder(30);
        b.append(d.getYear()).append('-');
        two(b, d.getMonthValue()).append('-');
        two(b, d.getDayOfMonth()).append('T');
        two(b, d.getHour()).append(':');
        two(b, d.getMinute()).append(':');
        two(b, d.getSecond());
        int nano = t.getNano();
        if (nano > 0) {
            b.append('.');
            if (nano % 1_000_000 == 0) {
                digits(b, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(b, nano / 1000, 6);
            } else {
                digits(b, nano, 9);
            }
        }
        return b.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void digits(StringBuilder b, int v, int width) {
        int at = b.length();
        b.append(v);
        for (int i = b.length() - at; i < width; i++) {
            b.insert(at, '0');
        }
    }

    /** An unsynchronized writer into a {@link StringBuilder} (a {@code StringWriter} locks per write). */
    private static final class Line extends Writer {
        private final StringBuilder b;

        Line(int capacity) {
            b = new StringBuilder(capacity);
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            b.append(cbuf, off, len);
        }

        @Override
        public void write(int c) {
            b.append((char) c);
        }

        @Override
        public void write(String str, int off, int len) {
            b.append(str, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
