package dev.fnguard.azure;

import static dev.fnguard.azure.AzureFixtures.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.AuditEvent;
import dev.fnguard.Decision;
import dev.fnguard.Outcome;
import dev.fnguard.SourceKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Batches (Event Hubs, IoT Hub) checked per message inside the function with {@code AzureGuard.messages}. */
class AzureGuardMessagesTest {

    private final AzureFixtures fx = new AzureFixtures();

    private <T> List<T> check(AzureGuard guard, String function, Class<T> type, String... messages) {
        return guard.checkMessages(Arrays.asList(messages), new TestExecutionContext(function), type);
    }

    @Test
    void eventHubBatchIsCheckedPerMessageAndOnlyValidOnesAreReturned() {
        List<Order> got = check(AzureGuard.create(fx.options()), "Telemetry", Order.class,
                VALID, "{\"sku\":\"ABC-123\",\"quantity\":\"2\"}", "{\"sku\":\"XYZ-9\",\"quantity\":1}");
        assertEquals(List.of(new Order("ABC-123", 2, "leave at the door", "ana@example.com"),
                new Order("XYZ-9", 1, null, null)), got);
        AuditEvent e = fx.only();
        assertEquals(3, e.records());
        assertEquals(Decision.DENY, e.decision());
        assertEquals(List.of("TYPE"), e.reasons());
        assertEquals(Outcome.OK, e.outcome());
        assertEquals(SourceKind.STREAM, e.source().kind());
        assertEquals("azure-eventhub", e.source().type());
        assertEquals("telemetry-ns/telemetry", e.source().identity().orElseThrow());
    }

    @Test
    void iotHubBatchOfStringsKeepsTheOriginalTextOfTheMessagesThatPass() {
        String good = "{\"sku\":\"DEV-1\",\"quantity\":3}";
        List<String> got = check(AzureGuard.create(fx.options()), "Devices", String.class,
                good, "{\"sku\":\"DEV-1\",", "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}");
        assertEquals(List.of(good), got);
        AuditEvent e = fx.only();
        assertEquals(List.of("MALFORMED", "LIMIT_DEPTH"), e.reasons());
        assertEquals(SourceKind.IOT, e.source().kind());
        assertEquals("azure-iothub", e.source().type());
        assertEquals("iothub-ns-devices-1234/devices", e.source().identity().orElseThrow());
    }

    @Test
    void batchWithNothingValidReturnsNothingAndIsAuditedAsSkipped() {
        List<Order> got = check(AzureGuard.create(fx.options()), "Telemetry", Order.class,
                "{\"quantity\":1}", "{\"sku\":1}", "", "{\"sku\":\"AB\uD800\",\"quantity\":1}");
        assertTrue(got.isEmpty());
        assertEquals(Outcome.SKIPPED, fx.only().outcome());
        assertEquals(List.of("CONSTRAINT", "TYPE", "EMPTY_BODY", "ENCODING"), fx.only().reasons());
    }

    @Test
    void hubOutsideTheAllowListGetsNothingThrough() {
        AzureGuard guard = AzureGuard.create(fx.options(Map.of("FNGUARD_ALLOWED_SOURCES", "eventhub:telemetry-ns/other")));
        assertTrue(check(guard, "Telemetry", Order.class, VALID).isEmpty());
        assertEquals(List.of("SOURCE"), fx.only().reasons());
    }

    @Test
    void oversizedMessageIsDeniedWithoutStoppingTheOthers() {
        String huge = "{\"note\":\"" + "x".repeat(200_000) + "\"}";
        List<Order> got = check(AzureGuard.create(fx.options()), "Telemetry", Order.class, huge, VALID);
        assertEquals(1, got.size());
        assertEquals(List.of("LIMIT_BODY"), fx.only().reasons());
    }

    @Test
    void monitorModeReturnsFlaggedMessagesToo() {
        AzureGuard guard = AzureGuard.create(fx.options(Map.of("FNGUARD_MODE", "monitor")));
        List<Order> got = check(guard, "Telemetry", Order.class, "{\"sku\":\"ABC-123\",\"quantity\":2,\"x\":1}");
        assertEquals(1, got.size());
        assertEquals(Decision.FLAG, fx.only().decision());
    }
}
