package dev.fnguard.examples.drill;

import static dev.fnguard.examples.drill.SampleEvents.body;
import static dev.fnguard.examples.drill.SampleEvents.edited;
import static dev.fnguard.examples.drill.SampleEvents.header;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.LegacyOrders;
import dev.fnguard.lambda.GuardedEntryPoint;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link LegacyOrders}, an unchanged plain handler, behind the drop-in entry point
 * ({@code GuardedEntryPoint} with {@code FNGUARD_HANDLER}), configured by environment alone, as in
 * {@code template.yaml}.
 */
public final class EntryPointDrill implements DrillSuite {

    private static final String VALID = "{\"sku\":\"ABC-123\",\"quantity\":2}";
    private static final String KEY = "legacy-0123456789abcdef";

    @Override
    public String function() {
        return "LegacyOrders";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("FNGUARD_HANDLER", LegacyOrders.class.getName(), "FNGUARD_MAX_BODY_BYTES", "16384");
    }

    @Override
    public RequestStreamHandler create(GuardOptions options) {
        return new GuardedEntryPoint(options);
    }

    private static Supplier<InputStream> v2(Consumer<ObjectNode> edit) {
        return edited("apigw_http_event.json", e -> {
            ((ObjectNode) e.get("requestContext").get("http")).put("method", "POST");
            e.put("rawPath", "/legacy/orders");
            e.put("routeKey", "POST /legacy/orders");
            header(e, "content-type", "application/json");
            edit.accept(e);
        });
    }

    private static Supplier<InputStream> v2(String json) {
        return v2(e -> body(e, json));
    }

    @Override
    public List<DrillCase> cases() {
        List<DrillCase> c = new ArrayList<>();
        c.add(DrillCase.of("valid order, HTTP API v2", Expect.allow(201), v2(VALID)));
        c.add(DrillCase.of("order the legacy code rejects itself", Expect.allow(422), v2("{\"sku\":\"\"}")));
        c.add(DrillCase.of("body the legacy code chokes on (its exception)", Expect.allow(500), v2("not json")));
        c.add(DrillCase.of("plain HTTP (x-forwarded-proto: http)", Expect.deny(403, "TLS_REQUIRED"), v2(e -> {
            body(e, VALID);
            header(e, "x-forwarded-proto", "http");
        })));
        c.add(DrillCase.of("body over FNGUARD_MAX_BODY_BYTES", Expect.deny(413, "LIMIT_BODY"),
                v2("{\"sku\":\"" + "A".repeat(20_000) + "\",\"quantity\":1}")));
        c.add(DrillCase.of("JSON nested 1,000 deep", Expect.deny(413, "LIMIT_DEPTH"),
                v2("[".repeat(1_000) + "]".repeat(1_000))));
        c.add(DrillCase.of("direct invocation with a custom payload", Expect.deny(400, "UNSUPPORTED_EVENT"),
                () -> new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8))));
        c.add(DrillCase.of("no API key (FNGUARD_API_KEYS set)", Expect.deny(401, "TOKEN_MISSING"), v2(VALID))
                .withEnvironment(Map.of("FNGUARD_API_KEYS", KEY)));
        c.add(DrillCase.of("valid API key (FNGUARD_API_KEYS set)", Expect.allow(201), v2(e -> {
            body(e, VALID);
            header(e, "x-api-key", KEY);
        })).withEnvironment(Map.of("FNGUARD_API_KEYS", KEY)));
        return c;
    }
}
