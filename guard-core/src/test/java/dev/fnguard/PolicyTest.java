package dev.fnguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {

    @Guarded(limits = @Limits(maxBodyBytes = 2048, maxDepth = 4), http = @Http(methods = {"post", "PUT"}),
            monitor = "schema")
    static final class Annotated {
    }

    @Test
    void compilesTheAnnotation() {
        Policy p = Policy.forClass(Annotated.class);
        assertEquals(2048, p.limits().maxBodyBytes());
        assertEquals(4, p.limits().maxDepth());
        assertEquals(List.of("POST", "PUT"), p.http().methods());
        assertEquals(Mode.MONITOR, p.modeFor("schema"));
        assertEquals(Mode.ENFORCE, p.modeFor("limits"));
    }

    @Test
    void unannotatedClassGetsTheDefaults() {
        Policy p = Policy.forClass(String.class);
        assertEquals(LimitSettings.defaults(), p.limits());
        assertEquals(Mode.ENFORCE, p.mode());
    }

    @Test
    void environmentSwitchesToMonitorMode() {
        Policy p = Policy.defaults().withEnvironment(Map.of("FNGUARD_MODE", " Monitor "));
        assertEquals(Mode.MONITOR, p.mode());
        assertEquals(Mode.MONITOR, p.modeFor("limits"));
    }

    @Test
    void environmentMonitorsNamedChecks() {
        Policy p = Policy.defaults().withEnvironment(Map.of("FNGUARD_MONITOR_CHECKS", "schema, http"));
        assertEquals(Mode.MONITOR, p.modeFor("http"));
        assertEquals(Mode.ENFORCE, p.modeFor("limits"));
    }

    @Test
    void environmentLowersButNeverRaisesTheBodyLimit() {
        Policy base = Policy.forClass(Annotated.class);
        assertEquals(1024, base.withEnvironment(Map.of("FNGUARD_MAX_BODY_BYTES", "1024")).limits().maxBodyBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> base.withEnvironment(Map.of("FNGUARD_MAX_BODY_BYTES", "4096")));
        assertTrue(e.getMessage().contains("FNGUARD_MAX_BODY_BYTES"));
    }

    @Test
    void invalidValuesNameTheSettingAtFault() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Policy.defaults().withEnvironment(Map.of("FNGUARD_MODE", "off"))).getMessage()
                .contains("FNGUARD_MODE"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new LimitSettings(0, 1, 1, 1, 1, 1)).getMessage().contains("maxBodyBytes"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new HttpSettings(List.of("GE T"), List.of("application/json"), false)).getMessage()
                .contains("Http.methods"));
    }

    @Test
    void eventCapLeavesRoomForEncodingButStaysBounded() {
        assertTrue(new LimitSettings(16 * 1024, 32, 100, 10, 10, 100).maxEventBytes() >= 6 * 16 * 1024);
        assertTrue(LimitSettings.defaults().withMaxBodyBytes(LimitSettings.CEILING_BODY_BYTES).maxEventBytes()
                <= LimitSettings.CEILING_BODY_BYTES + 64 * 1024);
    }
}
