package dev.fnguard.examples.drill;

import static dev.fnguard.examples.drill.SampleEvents.base64Body;
import static dev.fnguard.examples.drill.SampleEvents.body;
import static dev.fnguard.examples.drill.SampleEvents.edited;
import static dev.fnguard.examples.drill.SampleEvents.header;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.OrdersApi;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@code OrdersApi} under attack: AWS's sample HTTP events carrying benign and malicious orders. */
public final class OrdersApiDrill implements DrillSuite {

    /** A valid order. */
    public static final String VALID = "{\"sku\":\"ABC-123\",\"quantity\":2,\"note\":\"leave at the door\","
            + "\"email\":\"ana@example.com\"}";

    @Override
    public String function() {
        return "OrdersApi";
    }

    @Override
    public RequestStreamHandler create(GuardOptions options) {
        return new OrdersApi(options);
    }

    /**
     * An HTTP API (v2) event posting a JSON body.
     *
     * @param json the body
     * @return the event
     */
    public static Supplier<InputStream> v2(String json) {
        return v2(e -> body(e, json));
    }

    /**
     * An HTTP API (v2) POST with a JSON content type, changed by {@code edit}.
     *
     * @param edit the change
     * @return the event
     */
    public static Supplier<InputStream> v2(Consumer<ObjectNode> edit) {
        return edited("apigw_http_event.json", e -> {
            ((ObjectNode) e.get("requestContext").get("http")).put("method", "POST");
            e.put("rawPath", "/orders");
            e.put("routeKey", "POST /orders");
            header(e, "content-type", "application/json");
            edit.accept(e);
        });
    }

    @Override
    public List<DrillCase> cases() {
        List<DrillCase> c = new ArrayList<>();
        c.add(DrillCase.of("valid order, HTTP API v2", Expect.allow(201), v2(VALID)));
        c.add(DrillCase.of("valid order, REST API v1", Expect.allow(201), edited("apigw_rest_event.json", e -> {
            e.put("httpMethod", "POST");
            e.put("resource", "/orders");
            e.put("path", "/orders");
            header(e, "Content-Type", "application/json");
            body(e, VALID);
        })));
        c.add(DrillCase.of("valid order, Function URL", Expect.allow(201),
                edited("lambdaFunctionUrlEvent.json", e -> {
                    ((ObjectNode) e.get("requestContext").get("http")).put("method", "POST");
                    header(e, "content-type", "application/json; charset=utf-8");
                    body(e, VALID);
                })));
        c.add(DrillCase.of("valid order, ALB over HTTPS", Expect.allow(201), edited("elb_event.json", e -> {
            e.put("httpMethod", "POST");
            header(e, "x-forwarded-proto", "https");
            header(e, "content-type", "application/json");
            body(e, VALID);
        })));
        c.add(DrillCase.of("valid order, base64 body", Expect.allow(201),
                v2(e -> base64Body(e, VALID.getBytes(StandardCharsets.UTF_8)))));
        c.add(DrillCase.of("ALB over plain HTTP", Expect.deny(403, "TLS_REQUIRED"), edited("elb_event.json", e -> {
            e.put("httpMethod", "POST");
            header(e, "content-type", "application/json");
            body(e, VALID);
        })));
        c.add(DrillCase.of("GET instead of POST", Expect.deny(405, "METHOD"),
                v2(e -> ((ObjectNode) e.get("requestContext").get("http")).put("method", "GET"))));
        c.add(DrillCase.of("form post (text/plain)", Expect.deny(415, "CONTENT_TYPE"), v2(e -> {
            header(e, "content-type", "text/plain");
            body(e, VALID);
        })));
        c.add(DrillCase.of("unknown field (mass assignment)", Expect.deny(400, "UNKNOWN_FIELD"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}")));
        c.add(DrillCase.of("quantity as a string", Expect.deny(400, "TYPE"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":\"2\"}")));
        c.add(DrillCase.of("quantity as a float", Expect.deny(400, "TYPE"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":2.5}")));
        c.add(DrillCase.of("quantity over 1000", Expect.deny(400, "CONSTRAINT"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":1001}")));
        c.add(DrillCase.of("sku with quote", Expect.deny(400, "CONSTRAINT"),
                v2("{\"sku\":\"ABC' OR '1'='1\",\"quantity\":1}")));
        c.add(DrillCase.of("note over 280 characters", Expect.deny(400, "CONSTRAINT"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":\"" + "x".repeat(281) + "\"}")));
        c.add(DrillCase.of("invalid e-mail", Expect.deny(400, "CONSTRAINT"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":1,\"email\":\"not-an-address\"}")));
        c.add(DrillCase.of("missing sku", Expect.deny(400, "CONSTRAINT"), v2("{\"quantity\":1}")));
        c.add(DrillCase.of("duplicate key (parser confusion)", Expect.deny(400, "DUPLICATE_KEY"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":1,\"quantity\":1000000}")));
        c.add(DrillCase.of("trailing garbage", Expect.deny(400, "TRAILING_DATA"),
                v2(VALID + "{\"sku\":\"X\"}")));
        c.add(DrillCase.of("malformed JSON", Expect.deny(400, "MALFORMED"), v2("{\"sku\":\"ABC-123\",")));
        c.add(DrillCase.of("empty body", Expect.deny(400, "EMPTY_BODY"), v2(e -> body(e, ""))));
        c.add(DrillCase.of("non-UTF-8 bytes (base64)", Expect.deny(400, "ENCODING"),
                v2(e -> base64Body(e, new byte[] {'{', '"', 's', 'k', 'u', '"', ':', '"', (byte) 0xC0, (byte) 0xAF,
                    '"', '}'}))));
        c.add(DrillCase.of("UTF-16 body (base64)", Expect.deny(400, "ENCODING"),
                v2(e -> base64Body(e, VALID.getBytes(StandardCharsets.UTF_16BE)))));
        c.add(DrillCase.of("nesting 64 deep", Expect.deny(413, "LIMIT_DEPTH"),
                v2("{\"sku\":" + "[".repeat(64) + "]".repeat(64) + "}")));
        c.add(DrillCase.of("100 000 levels of nesting", Expect.deny(413, "LIMIT_BODY"),
                v2("[".repeat(100_000) + "]".repeat(100_000))));
        c.add(DrillCase.of("300 keys in one object", Expect.deny(413, "LIMIT_FIELDS"), v2(manyKeys(300))));
        c.add(DrillCase.of("array of 2000 elements", Expect.deny(413, "LIMIT_ARRAY"),
                v2("{\"sku\":[" + "0,".repeat(1999) + "0]}")));
        c.add(DrillCase.of("17 KiB body", Expect.deny(413, "LIMIT_BODY"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":\"" + "x".repeat(17 * 1024) + "\"}")));
        c.add(DrillCase.of("100 MB body (streamed)", Expect.deny(413, "LIMIT_BODY"),
                SampleEvents.hugeV2(100L * 1024 * 1024)));
        c.add(DrillCase.of("direct invoke, not an HTTP event", Expect.deny(400, "UNSUPPORTED_EVENT"),
                () -> new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8))));
        c.add(DrillCase.of("monitor mode: unknown field flagged", Expect.flag(201, "UNKNOWN_FIELD"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}"))
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
