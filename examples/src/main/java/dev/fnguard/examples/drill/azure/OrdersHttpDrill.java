package dev.fnguard.examples.drill.azure;

import static dev.fnguard.examples.drill.azure.AzureEvents.http;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.GuardOptions;
import dev.fnguard.azure.AzureGuard;
import dev.fnguard.azure.GuardMiddleware;
import dev.fnguard.examples.azure.OrdersHttp;
import dev.fnguard.examples.drill.DrillCase;
import dev.fnguard.examples.drill.DrillSuite;
import dev.fnguard.examples.drill.Expect;
import dev.fnguard.examples.drill.OrdersApiDrill;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code OrdersHttp} on Azure Functions under the same attacks as {@code OrdersApi} on Lambda, through
 * the in-process worker with the real middleware in the chain: same statuses, same reason codes.
 */
public final class OrdersHttpDrill implements DrillSuite {

    private static final String JSON = "application/json";

    @Override
    public String function() {
        return "OrdersHttp (Azure)";
    }

    @Override
    public Map<String, String> environment() {
        return AzureApp.SETTINGS;
    }

    @Override
    public RequestStreamHandler create(GuardOptions options) {
        AzureGuard guard = AzureGuard.create(options);
        AzureWorker worker = new AzureWorker(List.of(new GuardMiddleware(options)), OrdersHttp.class,
                () -> new OrdersHttp(guard));
        return new AzureFunctionHandler(worker, "OrdersHttp", "req");
    }

    @Override
    public List<DrillCase> cases() {
        String valid = OrdersApiDrill.VALID;
        List<DrillCase> c = new ArrayList<>();
        c.add(DrillCase.of("valid order", Expect.allow(201), http("POST", JSON, valid)));
        c.add(DrillCase.of("valid order, charset=utf-8", Expect.allow(201),
                http("POST", "application/json; charset=utf-8", valid)));
        c.add(DrillCase.of("plain HTTP", Expect.deny(403, "TLS_REQUIRED"), http("POST",
                "http://fnguard-examples.azurewebsites.net/api/orders", Map.of("x-forwarded-proto", "http"), JSON,
                valid)));
        c.add(DrillCase.of("GET instead of POST", Expect.deny(405, "METHOD"), http("GET", null, null)));
        c.add(DrillCase.of("form post (text/plain)", Expect.deny(415, "CONTENT_TYPE"), http("POST", "text/plain", valid)));
        c.add(DrillCase.of("unknown field (mass assignment)", Expect.deny(400, "UNKNOWN_FIELD"),
                http("POST", JSON, "{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}")));
        c.add(DrillCase.of("quantity as a string", Expect.deny(400, "TYPE"),
                http("POST", JSON, "{\"sku\":\"ABC-123\",\"quantity\":\"2\"}")));
        c.add(DrillCase.of("quantity as a float", Expect.deny(400, "TYPE"),
                http("POST", JSON, "{\"sku\":\"ABC-123\",\"quantity\":2.5}")));
        c.add(DrillCase.of("quantity over 1000", Expect.deny(400, "CONSTRAINT"),
                http("POST", JSON, "{\"sku\":\"ABC-123\",\"quantity\":1001}")));
        c.add(DrillCase.of("sku with quote", Expect.deny(400, "CONSTRAINT"),
                http("POST", JSON, "{\"sku\":\"ABC' OR '1'='1\",\"quantity\":1}")));
        c.add(DrillCase.of("note over 280 characters", Expect.deny(400, "CONSTRAINT"),
                http("POST", JSON, "{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":\"" + "x".repeat(281) + "\"}")));
        c.add(DrillCase.of("invalid e-mail", Expect.deny(400, "CONSTRAINT"),
                http("POST", JSON, "{\"sku\":\"ABC-123\",\"quantity\":1,\"email\":\"not-an-address\"}")));
        c.add(DrillCase.of("missing sku", Expect.deny(400, "CONSTRAINT"), http("POST", JSON, "{\"quantity\":1}")));
        c.add(DrillCase.of("duplicate key (parser confusion)", Expect.deny(400, "DUPLICATE_KEY"),
                http("POST", JSON, "{\"sku\":\"ABC-123\",\"quantity\":1,\"quantity\":1000000}")));
        c.add(DrillCase.of("trailing garbage", Expect.deny(400, "TRAILING_DATA"),
                http("POST", JSON, valid + "{\"sku\":\"X\"}")));
        c.add(DrillCase.of("malformed JSON", Expect.deny(400, "MALFORMED"), http("POST", JSON, "{\"sku\":\"ABC-123\",")));
        c.add(DrillCase.of("empty body", Expect.deny(400, "EMPTY_BODY"), http("POST", JSON, "")));
        c.add(DrillCase.of("UTF-16 body read as text (NULs)", Expect.deny(400, "ENCODING"), http("POST", JSON,
                new String(valid.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1))));
        c.add(DrillCase.of("nesting 64 deep", Expect.deny(413, "LIMIT_DEPTH"),
                http("POST", JSON, "{\"sku\":" + "[".repeat(64) + "]".repeat(64) + "}")));
        c.add(DrillCase.of("100 000 levels of nesting", Expect.deny(413, "LIMIT_BODY"),
                http("POST", JSON, "[".repeat(100_000) + "]".repeat(100_000))));
        c.add(DrillCase.of("300 keys in one object", Expect.deny(413, "LIMIT_FIELDS"), http("POST", JSON, manyKeys(300))));
        c.add(DrillCase.of("array of 2000 elements", Expect.deny(413, "LIMIT_ARRAY"),
                http("POST", JSON, "{\"sku\":[" + "0,".repeat(1999) + "0]}")));
        c.add(DrillCase.of("17 KiB body", Expect.deny(413, "LIMIT_BODY"),
                http("POST", JSON, "{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":\"" + "x".repeat(17 * 1024) + "\"}")));
        c.add(DrillCase.of("8 MB body", Expect.deny(413, "LIMIT_BODY"),
                http("POST", JSON, "{\"note\":\"" + "A".repeat(8 * 1024 * 1024) + "\"}")));
        c.add(DrillCase.of("monitor mode: unknown field flagged", Expect.flag(201, "UNKNOWN_FIELD"),
                http("POST", JSON, "{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}"))
                .withEnvironment(Map.of("FNGUARD_MODE", "monitor")));
        return c;
    }

    private static String manyKeys(int n) {
        StringBuilder sb = new StringBuilder("{\"sku\":\"ABC-123\",\"quantity\":1");
        for (int i = 0; i < n; i++) {
            sb.append(",\"k").append(i).append("\":1");
        }
        return sb.append('}').toString();
    }
}
