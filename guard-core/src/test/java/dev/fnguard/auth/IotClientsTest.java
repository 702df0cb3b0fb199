package dev.fnguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Guarded;
import dev.fnguard.Invocation;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IoT client id / principal allow-lists, on the identity the IoT mapping puts in the invocation. */
class IotClientsTest {

    @Guarded(iot = @IotClients(clientIds = {"sensor-*", "gateway-1"}))
    static final class Telemetry {
    }

    @IotClients(principals = "3f2a*")
    static final class ByCertificate {
    }

    private static Guard guard(Class<?> c, Map<String, String> env) {
        return Guard.builder(Policy.forClass(c).withEnvironment(env), Void.class).auditSink(e -> { }).build();
    }

    private static Invocation iot(String clientId, String principal) {
        Map<String, String> a = new HashMap<>();
        if (clientId != null) {
            a.put("iot.clientId", clientId);
        }
        if (principal != null) {
            a.put("iot.principal", principal);
        }
        return Invocation.builder().requestId("r").functionName("f")
                .source(Source.of(SourceKind.IOT, "iot-rule", "arn:aws:iot:eu-west-1:123456789012:rule/telemetry"))
                .authorizer(a).build();
    }

    private static Optional<Reason> reason(Evaluation e) {
        return e.denial().flatMap(v -> v.reason());
    }

    @Test
    void listedClientIdsAndPrefixesAreAccepted() {
        Guard g = guard(Telemetry.class, Map.of());
        Evaluation e = g.evaluate(iot("sensor-0042", null));
        assertTrue(e.denial().isEmpty());
        assertEquals("sensor-0042", e.caller().subject().orElseThrow());
        assertEquals("iot", e.caller().method());
        assertTrue(g.evaluate(iot("gateway-1", null)).denial().isEmpty());
    }

    @Test
    void otherClientIdsAreRefused() {
        Guard g = guard(Telemetry.class, Map.of());
        for (String id : List.of("gateway-10", "Sensor-1", "xsensor-1", "gateway-")) {
            assertEquals(Optional.of(Reason.TOKEN_INVALID), reason(g.evaluate(iot(id, null))), id);
        }
    }

    @Test
    void messageWithoutDeviceIdentityIsTokenMissing() {
        assertEquals(Optional.of(Reason.TOKEN_MISSING), reason(guard(Telemetry.class, Map.of()).evaluate(iot(null, null))));
    }

    @Test
    void identityOnANonIotEventIsNotBelieved() {
        Invocation sqs = Invocation.builder().requestId("r").functionName("f")
                .source(Source.of(SourceKind.QUEUE, "sqs", "arn:aws:sqs:eu-west-1:123456789012:q"))
                .authorizer(Map.of("iot.clientId", "sensor-1")).build();
        assertEquals(Optional.of(Reason.TOKEN_MISSING), reason(guard(Telemetry.class, Map.of()).evaluate(sqs)));
    }

    @Test
    void principalAllowListOnTheClassAndEnvironmentOverride() {
        assertTrue(guard(ByCertificate.class, Map.of()).evaluate(iot("any", "3f2a99")).denial().isEmpty());
        assertEquals(Optional.of(Reason.TOKEN_INVALID),
                reason(guard(ByCertificate.class, Map.of()).evaluate(iot("any", "77aa"))));
        Guard overridden = guard(ByCertificate.class, Map.of("FNGUARD_IOT_PRINCIPALS", "77aa"));
        assertTrue(overridden.evaluate(iot("any", "77aa")).denial().isEmpty());
        assertEquals(Optional.of(Reason.TOKEN_INVALID), reason(overridden.evaluate(iot("any", "3f2a99"))));
    }

    @Test
    void bareWildcardIsRefusedAtInit() {
        assertThrows(IllegalArgumentException.class,
                () -> Policy.forClass(Telemetry.class).withEnvironment(Map.of("FNGUARD_IOT_CLIENT_IDS", "*")));
    }
}
