package dev.fnguard.azure;

import static dev.fnguard.azure.AzureFixtures.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.fnguard.AuditEvent;
import dev.fnguard.Decision;
import dev.fnguard.Outcome;
import dev.fnguard.SourceKind;
import dev.fnguard.internal.HttpProblem;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AzureGuardHttpTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AzureFixtures fx = new AzureFixtures();
    private final AzureGuard guard = AzureGuard.create(fx.options());

    private HttpResponseMessage post(TestHttpRequest request) {
        return guard.handle(request, new TestExecutionContext("OrdersHttp"), new Functions()::createOrder);
    }

    private static JsonNode json(HttpResponseMessage r) throws Exception {
        return MAPPER.readTree((String) r.getBody());
    }

    private static void assertSecurityHeaders(HttpResponseMessage r) {
        HttpProblem.securityHeaders().forEach((k, v) -> assertEquals(v, r.getHeader(k), k));
    }

    @Test
    void validOrderIsCreatedWithSecurityHeadersAndOneAuditEvent() throws Exception {
        TestExecutionContext ctx = new TestExecutionContext("OrdersHttp");
        HttpResponseMessage r = guard.handle(TestHttpRequest.postJson(VALID), ctx, new Functions()::createOrder);
        assertEquals(201, r.getStatusCode());
        assertEquals("application/json", r.getHeader("Content-Type"));
        assertTrue(json(r).get("orderId").isTextual());
        assertSecurityHeaders(r);
        AuditEvent e = fx.only();
        assertEquals(Decision.ALLOW, e.decision());
        assertEquals(201, e.status());
        assertEquals(Outcome.OK, e.outcome());
        assertEquals(ctx.getInvocationId(), e.requestId());
        assertEquals(SourceKind.HTTP, e.source().kind());
        assertEquals("azure-http", e.source().type());
        assertEquals("app.azurewebsites.net", e.source().identity().orElseThrow());
        assertEquals(TestExecutionContext.TRACE_ID, e.traceId().orElseThrow());
    }

    /** The attack bodies of the Lambda drill ({@code OrdersApiDrill}), with the same reason codes. */
    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("unknown field (mass assignment)", "{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}",
                        400, "UNKNOWN_FIELD"),
                Arguments.of("quantity as a string", "{\"sku\":\"ABC-123\",\"quantity\":\"2\"}", 400, "TYPE"),
                Arguments.of("quantity as a float", "{\"sku\":\"ABC-123\",\"quantity\":2.5}", 400, "TYPE"),
                Arguments.of("quantity over 1000", "{\"sku\":\"ABC-123\",\"quantity\":1001}", 400, "CONSTRAINT"),
                Arguments.of("sku with quote", "{\"sku\":\"ABC' OR '1'='1\",\"quantity\":1}", 400, "CONSTRAINT"),
                Arguments.of("note over 280 characters",
                        "{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":\"" + "x".repeat(281) + "\"}", 400, "CONSTRAINT"),
                Arguments.of("invalid e-mail", "{\"sku\":\"ABC-123\",\"quantity\":1,\"email\":\"not-an-address\"}",
                        400, "CONSTRAINT"),
                Arguments.of("missing sku", "{\"quantity\":1}", 400, "CONSTRAINT"),
                Arguments.of("duplicate key", "{\"sku\":\"ABC-123\",\"quantity\":1,\"quantity\":1000000}", 400,
                        "DUPLICATE_KEY"),
                Arguments.of("trailing garbage", VALID + "{\"sku\":\"X\"}", 400, "TRAILING_DATA"),
                Arguments.of("malformed JSON", "{\"sku\":\"ABC-123\",", 400, "MALFORMED"),
                Arguments.of("empty body", "", 400, "EMPTY_BODY"),
                Arguments.of("no body", null, 400, "EMPTY_BODY"),
                Arguments.of("UTF-16 body decoded as text (NUL bytes)",
                        new String(VALID.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1), 400,
                        "ENCODING"),
                Arguments.of("lone surrogate", "{\"sku\":\"AB\uD800C\",\"quantity\":1}", 400, "ENCODING"),
                Arguments.of("nesting 64 deep", "{\"sku\":" + "[".repeat(64) + "]".repeat(64) + "}", 413,
                        "LIMIT_DEPTH"),
                Arguments.of("100 000 levels of nesting", "[".repeat(100_000) + "]".repeat(100_000), 413,
                        "LIMIT_BODY"),
                Arguments.of("300 keys in one object", manyKeys(300), 413, "LIMIT_FIELDS"),
                Arguments.of("array of 2000 elements", "{\"sku\":[" + "0,".repeat(1999) + "0]}", 413, "LIMIT_ARRAY"),
                Arguments.of("17 KiB body",
                        "{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":\"" + "x".repeat(17 * 1024) + "\"}", 413,
                        "LIMIT_BODY"),
                Arguments.of("8 MB body", "{\"note\":\"" + "A".repeat(8 * 1024 * 1024) + "\"}", 413, "LIMIT_BODY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attackBodiesGetTheSameReasonCodesAsOnLambda(String name, String body, int status, String reason)
            throws Exception {
        HttpResponseMessage r = post(TestHttpRequest.postJson(body));
        assertEquals(status, r.getStatusCode());
        assertEquals(HttpProblem.PROBLEM_JSON, r.getHeader("Content-Type"));
        assertSecurityHeaders(r);
        JsonNode problem = json(r);
        assertEquals(reason, problem.get("code").asText());
        assertEquals(status, problem.get("status").asInt());
        AuditEvent e = fx.only();
        assertEquals(Decision.DENY, e.decision());
        assertTrue(e.reasons().contains(reason), e.reasons().toString());
        assertEquals(Outcome.SKIPPED, e.outcome());
        assertEquals(problem.get("requestId").asText(), e.requestId());
        if (body != null && body.length() > 20) {
            assertFalse(((String) r.getBody()).contains(body.substring(0, 20)), "no echo of the input");
        }
    }

    @Test
    void getInsteadOfPostIs405WithAllow() throws Exception {
        HttpResponseMessage r = post(new TestHttpRequest(HttpMethod.GET, "https://app.azurewebsites.net/api/orders",
                null).header("x-forwarded-proto", "https"));
        assertEquals(405, r.getStatusCode());
        assertEquals("POST", r.getHeader("Allow"));
        assertEquals("METHOD", json(r).get("code").asText());
    }

    @Test
    void textPlainIs415() throws Exception {
        HttpResponseMessage r = post(TestHttpRequest.postJson(VALID).header("content-type", "text/plain"));
        assertEquals(415, r.getStatusCode());
        assertEquals("CONTENT_TYPE", json(r).get("code").asText());
    }

    @Test
    void plainHttpIs403() throws Exception {
        HttpResponseMessage r = post(new TestHttpRequest(HttpMethod.POST, "http://app.azurewebsites.net/api/orders",
                VALID).header("content-type", "application/json").header("x-forwarded-proto", "http"));
        assertEquals(403, r.getStatusCode());
        assertEquals("TLS_REQUIRED", json(r).get("code").asText());
    }

    @Test
    void httpsUriWithoutForwardedProtoIsAccepted() {
        HttpResponseMessage r = post(new TestHttpRequest(HttpMethod.POST, "https://app.azurewebsites.net/api/orders",
                VALID).header("content-type", "application/json"));
        assertEquals(201, r.getStatusCode());
    }

    @Test
    void functionThatThrowsGetsAGeneric500AndAnErrorAudit() throws Exception {
        HttpResponseMessage r = post(TestHttpRequest.postJson("{\"sku\":\"BOOM\",\"quantity\":1}"));
        assertEquals(500, r.getStatusCode());
        assertFalse(((String) r.getBody()).contains("postgresql"));
        assertTrue(json(r).get("requestId").isTextual());
        assertSecurityHeaders(r);
        AuditEvent e = fx.only();
        assertEquals(Outcome.ERROR, e.outcome());
        assertEquals(Decision.ALLOW, e.decision());
        assertEquals(500, e.status());
    }

    @Test
    void monitorModeFlagsAndLetsThrough() {
        AzureGuard monitoring = AzureGuard.create(fx.options(Map.of("FNGUARD_MODE", "monitor")));
        HttpResponseMessage r = monitoring.handle(TestHttpRequest.postJson("{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}"),
                new TestExecutionContext("OrdersHttp"), new Functions()::createOrder);
        assertEquals(201, r.getStatusCode());
        assertEquals(Decision.FLAG, fx.only().decision());
        assertEquals(java.util.List.of("UNKNOWN_FIELD"), fx.only().reasons());
    }

    @Test
    void environmentCanOnlyLowerTheBodyLimit() {
        AzureGuard tight = AzureGuard.create(fx.options(Map.of("FNGUARD_MAX_BODY_BYTES", "64")));
        HttpResponseMessage r = tight.handle(TestHttpRequest.postJson(VALID), new TestExecutionContext("OrdersHttp"),
                new Functions()::createOrder);
        assertEquals(413, r.getStatusCode());
    }

    @Test
    void guardedOnTheFunctionMethodDecidesThePolicy() {
        AzureGuard g = AzureGuard.create(fx.options());
        HttpResponseMessage r = g.handle(TestHttpRequest.postJson(VALID), new TestExecutionContext("TinyHttp"),
                new PlainFunctions()::accept);
        assertEquals(413, r.getStatusCode(), "the method's 64-byte limit applies");
        HttpResponseMessage ok = g.handle(TestHttpRequest.postJson("{\"sku\":\"ABC\",\"quantity\":1}"),
                new TestExecutionContext("TinyHttp"), new PlainFunctions()::accept);
        assertEquals(200, ok.getStatusCode());
        assertEquals("\"ABC\"", ok.getBody());
    }

    @Test
    void payloadTypeComesFromALambdaToo() {
        HttpResponseMessage r = guard.handle(TestHttpRequest.postJson(VALID), new TestExecutionContext("OrdersHttp"),
                (Order o, dev.fnguard.GuardContext c) -> dev.fnguard.HttpReply.ok(Map.of("sku", o.sku())));
        assertEquals(200, r.getStatusCode());
    }

    @Test
    void invalidSettingRefusesEveryRequestWithAGeneric500AndAnAuditEvent() throws Exception {
        AzureGuard broken = AzureGuard.create(fx.options(Map.of("FNGUARD_MAX_BODY_BYTES", "lots")));
        HttpResponseMessage r = broken.handle(TestHttpRequest.postJson(VALID), new TestExecutionContext("OrdersHttp"),
                new Functions()::createOrder);
        assertEquals(500, r.getStatusCode());
        assertFalse(((String) r.getBody()).contains("FNGUARD_MAX_BODY_BYTES"), "no internals to the caller");
        assertSecurityHeaders(r);
        assertEquals(java.util.List.of("INTERNAL"), fx.only().reasons());
        assertEquals(Outcome.SKIPPED, fx.only().outcome());
    }

    @Test
    void functionObjectThatIsNotALambdaIsRefusedFailClosed() {
        HttpFunction<Order, String> notALambda = new HttpFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public dev.fnguard.HttpReply<String> handle(Order payload, dev.fnguard.GuardContext context) {
                return dev.fnguard.HttpReply.ok("should not run");
            }
        };
        HttpResponseMessage r = guard.handle(TestHttpRequest.postJson(VALID), new TestExecutionContext("Anonymous"),
                notALambda);
        assertEquals(500, r.getStatusCode());
        assertEquals(Decision.DENY, fx.only().decision());
    }

    private static String manyKeys(int n) {
        StringBuilder sb = new StringBuilder("{\"sku\":\"ABC-123\",\"quantity\":1");
        for (int i = 0; i < n; i++) {
            sb.append(",\"k").append(i).append("\":1");
        }
        return sb.append('}').toString();
    }
}
