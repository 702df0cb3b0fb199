package dev.fnguard.azure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerBindingsTest {

    /** Functions with trigger shapes the guard cannot carry. */
    public static class Shapes {
        /** @param body bytes */
        public void bytes(@QueueTrigger(name = "msg", queueName = "q") byte[] body) {
        }

        /** @param events a whole batch as one string */
        public void batchAsOneString(@EventHubTrigger(name = "e", eventHubName = "h", connection = "c",
                cardinality = Cardinality.MANY) String events) {
        }

        /** @param text a queue message, identity-based connection */
        public void identityBased(@QueueTrigger(name = "msg", queueName = "jobs", connection = "Jobs") String text) {
        }

        /** @param events a batch on a hub named by a setting */
        public void hubFromSetting(@EventHubTrigger(name = "e", eventHubName = "%HubName%", connection = "Hub",
                cardinality = Cardinality.MANY) List<String> events) {
        }
    }

    private static Method m(String name) throws Exception {
        for (Method m : Shapes.class.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new NoSuchMethodException(name);
    }

    @Test
    void byteArrayTriggerCannotBeGuardedAndSaysWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TriggerBindings.find(m("bytes"), Map.of()));
        assertTrue(e.getMessage().contains("must be String or a payload class"), e.getMessage());
    }

    @Test
    void batchDeclaredAsOneStringIsAMisconfiguration() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TriggerBindings.find(m("batchAsOneString"), Map.of()));
        assertTrue(e.getMessage().contains("cardinality MANY but is not a List or array"), e.getMessage());
    }

    @Test
    void identityBasedConnectionNamesTheAccount() throws Exception {
        TriggerBinding b = TriggerBindings.find(m("identityBased"), Map.of("Jobs__accountName", "jobsacct"))
                .orElseThrow();
        assertEquals("jobsacct/jobs", b.identity().orElseThrow());
        assertTrue(b.deliversText());
        assertFalse(b.many());
    }

    @Test
    void hubNameFromAnAppSettingAndNamespaceFromTheFullyQualifiedName() throws Exception {
        TriggerBinding b = TriggerBindings.find(m("hubFromSetting"), Map.of("HubName", "telemetry",
                "Hub__fullyQualifiedNamespace", "contoso.servicebus.windows.net")).orElseThrow();
        assertEquals(TriggerKind.EVENT_HUB, b.kind());
        assertEquals("contoso/telemetry", b.identity().orElseThrow());
        assertTrue(b.many());
    }

    @Test
    void appSettingExpressionsInsideAPathAreResolved() {
        assertEquals("uploads-prod/{name}", TriggerBindings.resolve("%CONTAINER%/{name}", Map.of("CONTAINER", "uploads-prod")));
        assertEquals("orders", TriggerBindings.resolve("orders", Map.of()));
        assertEquals("/{name}", TriggerBindings.resolve("%MISSING%/{name}", Map.of()));
        assertEquals("100%", TriggerBindings.resolve("100%", Map.of()));
    }

    @Test
    void connectionStringKeysNeverReachTheIdentity() throws Exception {
        TriggerBinding b = TriggerBindings.find(m("identityBased"),
                Map.of("Jobs", "DefaultEndpointsProtocol=https;AccountName=jobsacct;AccountKey=c2VjcmV0S2V5")).orElseThrow();
        assertEquals("jobsacct/jobs", b.identity().orElseThrow());
        assertFalse(b.toString().contains("c2VjcmV0S2V5"));
    }
}
