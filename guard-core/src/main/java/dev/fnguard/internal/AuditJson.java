package dev.fnguard.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.fnguard.AuditEvent;
import dev.fnguard.Caller;
import dev.fnguard.CheckRun;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Writes an {@link AuditEvent} as one line of JSON (the schema is documented in the README). */
public final class AuditJson {

    /** Version of the audit schema, written as {@code "v"}. */
    public static final int SCHEMA_VERSION = 1;

    private AuditJson() {
    }

    /**
     * Serializes the event.
     *
     * @param e the event
     * @return one line of JSON
     */
    /** Prefix of the field that names the record of a per-record audit event. */
    public static final String RECORD_ID_FIELD = "recordId=";

    public static String write(AuditEvent e) {
        StringWriter out = new StringWriter(768);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "fnguard.audit");
            g.writeNumberField("v", SCHEMA_VERSION);
            g.writeStringField("time", e.time().toString());
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
                g.writeNumberField("micros", micros(c.nanos()));
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
            g.writeNumberField("guardMicros", micros(e.guardNanos()));
            g.writeNumberField("totalMicros", micros(e.totalNanos()));
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

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }
}
