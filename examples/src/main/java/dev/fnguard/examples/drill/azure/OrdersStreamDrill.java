package dev.fnguard.examples.drill.azure;

import static dev.fnguard.examples.drill.azure.AzureEvents.batch;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.GuardOptions;
import dev.fnguard.azure.AzureGuard;
import dev.fnguard.azure.GuardMiddleware;
import dev.fnguard.examples.azure.OrdersStream;
import dev.fnguard.examples.drill.DrillCase;
import dev.fnguard.examples.drill.DrillSuite;
import dev.fnguard.examples.drill.Expect;
import dev.fnguard.examples.drill.OrdersApiDrill;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code OrdersStream} on Azure Functions: Event Hubs batches through the in-process worker (the
 * middleware passes batch functions on; the function's one call checks each message). A batch with
 * any denied message is audited as a denial naming its reasons; the valid messages still go through.
 */
public final class OrdersStreamDrill implements DrillSuite {

    private static final String VALID = OrdersApiDrill.VALID;

    @Override
    public String function() {
        return "OrdersStream (Azure)";
    }

    @Override
    public Map<String, String> environment() {
        return AzureApp.SETTINGS;
    }

    @Override
    public RequestStreamHandler create(GuardOptions options) {
        AzureGuard guard = AzureGuard.create(options);
        AzureWorker worker = new AzureWorker(List.of(new GuardMiddleware(options)), OrdersStream.class,
                () -> new OrdersStream(guard));
        return new AzureFunctionHandler(worker, "OrdersStream", "events");
    }

    @Override
    public List<DrillCase> cases() {
        List<DrillCase> c = new ArrayList<>();
        c.add(DrillCase.of("batch of 3 valid orders", Expect.allow(0), batch(VALID, VALID, VALID)));
        c.add(DrillCase.of("batch with a mass-assignment order", Expect.deny(0, "UNKNOWN_FIELD"),
                batch(VALID, "{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}", VALID)));
        c.add(DrillCase.of("batch with a JSON bomb", Expect.deny(0, "LIMIT_DEPTH"),
                batch(VALID, "{\"sku\":" + "[".repeat(64) + "]".repeat(64) + "}")));
        c.add(DrillCase.of("batch with a duplicate key", Expect.deny(0, "DUPLICATE_KEY"),
                batch("{\"sku\":\"ABC-123\",\"quantity\":1,\"quantity\":1000000}")));
        c.add(DrillCase.of("batch with a 17 KiB message", Expect.deny(0, "LIMIT_BODY"),
                batch(VALID, "{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":\"" + "x".repeat(17 * 1024) + "\"}")));
        c.add(DrillCase.of("hub outside the allow-list", Expect.deny(0, "SOURCE"), batch(VALID))
                .withEnvironment(Map.of("FNGUARD_ALLOWED_SOURCES", "eventhub:fnguard-orders/payments")));
        c.add(DrillCase.of("hub inside the allow-list", Expect.allow(0), batch(VALID))
                .withEnvironment(Map.of("FNGUARD_ALLOWED_SOURCES", "eventhub:fnguard-orders/orders")));
        return c;
    }
}
