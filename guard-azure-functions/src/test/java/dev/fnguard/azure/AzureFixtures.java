package dev.fnguard.azure;

import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import dev.fnguard.azure.internal.FunctionLocator;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The app settings of the test function app, audit capture, and invocation helpers. */
final class AzureFixtures {

    static final String VALID = "{\"sku\":\"ABC-123\",\"quantity\":2,\"note\":\"leave at the door\","
            + "\"email\":\"ana@example.com\"}";

    /** App settings as the portal would hold them; the keys are fake. */
    static final Map<String, String> APP_SETTINGS = Map.of(
            FunctionLocator.ENV_CLASSES, Functions.class.getName() + "," + PlainFunctions.class.getName(),
            "Storage", "DefaultEndpointsProtocol=https;AccountName=ordersacct;AccountKey=ZmFrZQ==;"
                    + "EndpointSuffix=core.windows.net",
            "ServiceBus", "Endpoint=sb://orders-ns.servicebus.windows.net/;SharedAccessKeyName=listen;"
                    + "SharedAccessKey=ZmFrZQ==",
            "EventHubs", "Endpoint=sb://telemetry-ns.servicebus.windows.net/;SharedAccessKeyName=listen;"
                    + "SharedAccessKey=ZmFrZQ==",
            "IoTHubEndpoint", "Endpoint=sb://iothub-ns-devices-1234.servicebus.windows.net/;"
                    + "SharedAccessKeyName=iothubowner;SharedAccessKey=ZmFrZQ==;EntityPath=devices",
            "OrdersQueue", "orders-text");

    final List<AuditEvent> audit = new CopyOnWriteArrayList<>();

    GuardOptions options() {
        return options(Map.of());
    }

    GuardOptions options(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(APP_SETTINGS);
        env.putAll(extra);
        return GuardOptions.builder().environment(env).auditSink(audit::add).build();
    }

    static Method method(Class<?> type, String functionName) {
        return FunctionLocator.byFunctionName(type, functionName, null).orElseThrow();
    }

    static WorkerContext context(String functionName, String binding, Object hostValue) {
        Class<?> type = functionName.equals("Unguarded") || functionName.equals("GuardedMethod")
                ? PlainFunctions.class : Functions.class;
        Map<String, Object> values = new HashMap<>();
        if (hostValue != null) {
            values.put(binding, hostValue);
        }
        return new WorkerContext(method(type, functionName), functionName, values);
    }

    AuditEvent only() {
        if (audit.size() != 1) {
            throw new AssertionError("expected one audit event, got " + audit.size() + ": " + audit);
        }
        return audit.get(0);
    }
}
