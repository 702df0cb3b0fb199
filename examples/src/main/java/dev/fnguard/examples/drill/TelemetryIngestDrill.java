package dev.fnguard.examples.drill;

import static dev.fnguard.examples.drill.SourceEvents.iot;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.TelemetryIngest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code TelemetryIngest} under attack: IoT rule events (the device's JSON plus the rule's
 * {@code topic} and {@code clientId}) from forged topics and clients and with invalid readings. IoT
 * rules have no caller to answer: a denied event is dropped with its own audit event.
 */
public final class TelemetryIngestDrill implements DrillSuite {

    private static final String GOOD = "\"deviceId\":\"sensor-0042\",\"ts\":1764340800000,\"temperature\":21.5";
    private static final String TOPIC = "sensors/sensor-0042/telemetry";
    private static final String CLIENT = "sensor-0042";

    @Override
    public String function() {
        return "TelemetryIngest";
    }

    @Override
    public RequestStreamHandler create(GuardOptions options) {
        return new TelemetryIngest(options);
    }

    @Override
    public List<DrillCase> cases() {
        List<DrillCase> c = new ArrayList<>();
        c.add(DrillCase.of("reading on sensors/+/telemetry", Expect.allow(0), iot(GOOD, TOPIC, CLIENT)));
        c.add(DrillCase.of("topic outside the filter", Expect.deny(0, "SOURCE"),
                iot(GOOD, "sensors/sensor-0042/commands", CLIENT)));
        c.add(DrillCase.of("topic one level too deep", Expect.deny(0, "SOURCE"),
                iot(GOOD, "sensors/a/b/telemetry", CLIENT)));
        c.add(DrillCase.of("wildcard as a topic level", Expect.deny(0, "SOURCE"), iot(GOOD, "sensors/+/telemetry", CLIENT)));
        c.add(DrillCase.of("no topic (rule without topic())", Expect.deny(0, "SOURCE"), iot(GOOD, null, CLIENT)));
        c.add(DrillCase.of("forged client id", Expect.deny(0, "TOKEN_INVALID"), iot(GOOD, TOPIC, "laptop-of-mallory")));
        c.add(DrillCase.of("no client id (rule without clientid())", Expect.deny(0, "TOKEN_MISSING"),
                iot(GOOD, TOPIC, null)));
        c.add(DrillCase.of("temperature 151", Expect.deny(0, "CONSTRAINT"),
                iot("\"deviceId\":\"sensor-0042\",\"ts\":1764340800000,\"temperature\":151", TOPIC, CLIENT)));
        c.add(DrillCase.of("traversal in deviceId", Expect.deny(0, "CONSTRAINT"),
                iot("\"deviceId\":\"../../etc\",\"ts\":1764340800000,\"temperature\":20", TOPIC, CLIENT)));
        c.add(DrillCase.of("ts as a string", Expect.deny(0, "TYPE"),
                iot("\"deviceId\":\"sensor-0042\",\"ts\":\"yesterday\",\"temperature\":20", TOPIC, CLIENT)));
        c.add(DrillCase.of("NoSQL operator field", Expect.deny(0, "UNKNOWN_FIELD"),
                iot(GOOD + ",\"$where\":\"sleep(1000)\"", TOPIC, CLIENT)));
        c.add(DrillCase.of("not JSON (names no client)", Expect.deny(0, "TOKEN_MISSING"), () -> new java.io.ByteArrayInputStream(
                "temperature=21.5".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        c.add(DrillCase.of("monitor mode: forged topic flagged", Expect.flag(0, "SOURCE"),
                iot(GOOD, "admin/commands", CLIENT)).withEnvironment(Map.of("FNGUARD_MODE", "monitor")));
        return c;
    }
}
