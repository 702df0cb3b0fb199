package dev.fnguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryIngestTest {

    private final List<AuditEvent> audit = new ArrayList<>();
    private final TelemetryIngest ingest = new TelemetryIngest(GuardOptions.builder()
            .environment(Map.of()).auditSink(audit::add).build());

    private AuditEvent run(String json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ingest.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null);
        assertEquals(0, out.size(), "an async source gets no answer");
        return audit.get(audit.size() - 1);
    }

    private static String event(String topic, String body) {
        return "{" + body + ",\"topic\":\"" + topic + "\",\"clientId\":\"sensor-0042\"}";
    }

    private static final String GOOD = "\"deviceId\":\"sensor-0042\",\"ts\":1764340800000,\"temperature\":21.5";

    @Test
    void acceptsAReadingOnTheAllowedTopicAndStripsTopicAndClientId() throws IOException {
        AuditEvent e = run(event("sensors/sensor-0042/telemetry", GOOD));
        assertEquals("allow", e.decision().wireName());
        assertEquals("ok", e.outcome().wireName());
    }

    @Test
    void dropsAReadingFromATopicOutsideTheFilter() throws IOException {
        assertEquals(List.of("SOURCE"), run(event("sensors/a/b/telemetry", GOOD)).reasons());
        assertEquals(List.of("SOURCE"), run(event("admin/commands", GOOD)).reasons());
    }

    @Test
    void dropsAnEventWithoutTopic() throws IOException {
        assertEquals(List.of("SOURCE"), run("{" + GOOD + ",\"clientId\":\"sensor-0042\"}").reasons());
    }

    @Test
    void dropsAReadingFromAClientOutsideTheClientIds() throws IOException {
        assertEquals(List.of("TOKEN_INVALID"), run("{" + GOOD + ",\"topic\":\"sensors/sensor-0042/telemetry\","
                + "\"clientId\":\"laptop-of-mallory\"}").reasons());
        assertEquals(List.of("TOKEN_MISSING"), run("{" + GOOD + ",\"topic\":\"sensors/sensor-0042/telemetry\"}")
                .reasons(), "a rule without clientid() cannot name the device");
    }

    @Test
    void dropsAReadingOutOfRangeOrWithABadDeviceId() throws IOException {
        assertEquals(List.of("CONSTRAINT"), run(event("sensors/x/telemetry",
                "\"deviceId\":\"sensor-0042\",\"ts\":1764340800000,\"temperature\":151")).reasons());
        assertEquals(List.of("CONSTRAINT"), run(event("sensors/x/telemetry",
                "\"deviceId\":\"../../etc\",\"ts\":1764340800000,\"temperature\":20")).reasons());
        assertEquals(List.of("UNKNOWN_FIELD"), run(event("sensors/x/telemetry",
                GOOD + ",\"$where\":\"sleep(1000)\"")).reasons());
    }

    @Test
    void removesTheRulesPrincipalBeforeBinding() throws IOException {
        AuditEvent e = run("{" + GOOD + ",\"topic\":\"sensors/sensor-0042/telemetry\",\"clientId\":\"sensor-0042\","
                + "\"principal\":\"3a7f0e2c9b\"}");
        assertEquals("allow", e.decision().wireName(), "principal is the rule's, not an unknown payload field");
    }
}
