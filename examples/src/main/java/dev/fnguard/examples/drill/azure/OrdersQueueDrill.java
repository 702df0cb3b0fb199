package dev.fnguard.examples.drill.azure;

import static dev.fnguard.examples.drill.azure.AzureEvents.message;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.GuardOptions;
import dev.fnguard.azure.GuardMiddleware;
import dev.fnguard.examples.azure.OrdersQueue;
import dev.fnguard.examples.drill.DrillCase;
import dev.fnguard.examples.drill.DrillSuite;
import dev.fnguard.examples.drill.Expect;
import dev.fnguard.examples.drill.OrdersApiDrill;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code OrdersQueue} on Azure Functions: Queue Storage messages through the in-process worker, guarded
 * by the middleware alone (the function has no guard code). Queue messages have no caller, so there
 * is no status; the audit event carries the decision.
 */
public final class OrdersQueueDrill implements DrillSuite {

    @Override
    public String function() {
        return "OrdersQueue (Azure)";
    }

    @Override
    public Map<String, String> environment() {
        return AzureApp.SETTINGS;
    }

    @Override
    public RequestStreamHandler create(GuardOptions options) {
        AzureWorker worker = new AzureWorker(List.of(new GuardMiddleware(options)), OrdersQueue.class,
                OrdersQueue::new);
        return new AzureFunctionHandler(worker, "OrdersQueue", "order");
    }

    @Override
    public List<DrillCase> cases() {
        List<DrillCase> c = new ArrayList<>();
        c.add(DrillCase.of("valid order", Expect.allow(0), message(OrdersApiDrill.VALID)));
        c.add(DrillCase.of("unknown field (mass assignment)", Expect.deny(0, "UNKNOWN_FIELD"),
                message("{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}")));
        c.add(DrillCase.of("quantity as a string", Expect.deny(0, "TYPE"),
                message("{\"sku\":\"ABC-123\",\"quantity\":\"2\"}")));
        c.add(DrillCase.of("sku with quote", Expect.deny(0, "CONSTRAINT"),
                message("{\"sku\":\"ABC' OR '1'='1\",\"quantity\":1}")));
        c.add(DrillCase.of("duplicate key (parser confusion)", Expect.deny(0, "DUPLICATE_KEY"),
                message("{\"sku\":\"ABC-123\",\"quantity\":1,\"quantity\":1000000}")));
        c.add(DrillCase.of("nesting 64 deep", Expect.deny(0, "LIMIT_DEPTH"),
                message("{\"sku\":" + "[".repeat(64) + "]".repeat(64) + "}")));
        c.add(DrillCase.of("17 KiB message", Expect.deny(0, "LIMIT_BODY"),
                message("{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":\"" + "x".repeat(17 * 1024) + "\"}")));
        c.add(DrillCase.of("not JSON", Expect.deny(0, "MALFORMED"), message("ship 2 of ABC-123")));
        c.add(DrillCase.of("empty message", Expect.deny(0, "EMPTY_BODY"), message("")));
        c.add(DrillCase.of("binary message (no string for middleware)", Expect.deny(0, "UNSUPPORTED_EVENT"),
                AzureEvents.binaryMessage()));
        c.add(DrillCase.of("queue outside the allow-list", Expect.deny(0, "SOURCE"), message(OrdersApiDrill.VALID))
                .withEnvironment(Map.of("FNGUARD_ALLOWED_SOURCES", "queue:devstoreaccount1/payments")));
        c.add(DrillCase.of("queue inside the allow-list", Expect.allow(0), message(OrdersApiDrill.VALID))
                .withEnvironment(Map.of("FNGUARD_ALLOWED_SOURCES", "queue:devstoreaccount1/ord*")));
        c.add(DrillCase.of("monitor mode: unknown field flagged", Expect.flag(0, "UNKNOWN_FIELD"),
                message("{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}"))
                .withEnvironment(Map.of("FNGUARD_MODE", "monitor")));
        return c;
    }
}
