package dev.fnguard.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.AuditSink;
import dev.fnguard.GuardOptions;
import dev.fnguard.lambda.internal.AwsSerialization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GuardedHttpHandlerTest {

    private static final String VALID = "{\"sku\":\"ABC-123\",\"quantity\":2}";

    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private final AuditSink sink = audit::add;

    private TestHandlers.Echo echo(Map<String, String> env) {
        return new TestHandlers.Echo(GuardOptions.builder().environment(env).auditSink(sink).build());
    }

    private static String invoke(RequestStreamHandler h, byte[] event) throws IOException {
        return invoke(h, new ByteArrayInputStream(event));
    }

    private static String invoke(RequestStreamHandler h, InputStream event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(event, out, new TestContext("lambda-req-1"));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String s) throws IOException {
        return Events.MAPPER.readTree(s);
    }

    private AuditEvent onlyAuditEvent() {
        assertEquals(1, audit.size(), "exactly one audit event per invocation");
        return audit.get(0);
    }

    @Test
    void httpApiV2SampleWithValidBodyReaches201InV2Shape() throws IOException {
        TestHandlers.Echo h = echo(Map.of());
        String out = invoke(h, Events.edited("apigw_http_event.json", e -> Events.v2Post(e, VALID)));
        APIGatewayV2HTTPResponse r = AwsSerialization.serializerFor(APIGatewayV2HTTPResponse.class)
                .fromJson(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, r.getStatusCode());
        assertEquals("{\"sku\":\"ABC-123\"}", r.getBody());
        assertEquals("application/json", r.getHeaders().get("Content-Type"));
        assertEquals("1", r.getHeaders().get("X-Order"));
        assertEquals("no-store", r.getHeaders().get("Cache-Control"), "user code cannot weaken security headers");
        assertEquals(1, h.calls.get());
        AuditEvent a = onlyAuditEvent();
        assertEquals("allow", a.decision().wireName());
        assertEquals("apigw-http", a.source().type());
        assertEquals("lambda-req-1", a.requestId());
        assertEquals("orders-test", a.functionName());
    }

    @Test
    void guardContextCarriesRouteCallerAndClientAddress() throws IOException {
        TestHandlers.Echo h = echo(Map.of());
        invoke(h, Events.edited("apiGatewayProxyV2Event.json", e -> Events.v2Post(e, VALID)));
        assertEquals("POST /my/path", h.lastContext.route().orElseThrow());
        assertEquals("lambda-req-1", h.lastContext.requestId());
        assertTrue(h.lastContext.caller().isAnonymous());
        assertEquals("192.168.0.1/32", h.lastContext.sourceIp().orElseThrow());
        assertEquals(List.of("value1", "value2"), h.lastContext.queryParameters().get("parameter1"));
    }

    @Test
    void restApiV1SampleAnswersInV1Shape() throws IOException {
        String out = invoke(echo(Map.of()), Events.edited("apigw_event.json", e -> {
            Events.header(e, "Content-Type", "application/json");
            e.put("body", VALID);
        }));
        APIGatewayProxyResponseEvent r = AwsSerialization.serializerFor(APIGatewayProxyResponseEvent.class)
                .fromJson(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, r.getStatusCode());
        assertEquals("nosniff", r.getHeaders().get("X-Content-Type-Options"));
        assertEquals("apigw-rest", onlyAuditEvent().source().type());
    }

    @Test
    void functionUrlSampleIsRecognized() throws IOException {
        String out = invoke(echo(Map.of()), Events.edited("lambdaFunctionUrlEvent.json", e -> Events.v2Post(e, VALID)));
        assertEquals(201, json(out).get("statusCode").asInt());
        assertEquals("function-url", onlyAuditEvent().source().type());
    }

    @Test
    void albWithMultiValueHeadersAnswersWithMultiValueHeadersAndStatusLine() throws IOException {
        String out = invoke(echo(Map.of()), Events.edited("albMultiValueHeadersEvent.json", e -> {
            e.put("httpMethod", "POST");
            ((ObjectNode) e.get("multiValueHeaders")).putArray("x-forwarded-proto").add("https");
            ((ObjectNode) e.get("multiValueHeaders")).putArray("content-type").add("application/json");
            e.put("body", VALID);
        }));
        ApplicationLoadBalancerResponseEvent r = AwsSerialization.serializerFor(ApplicationLoadBalancerResponseEvent.class)
                .fromJson(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, r.getStatusCode());
        assertEquals("201 Created", r.getStatusDescription());
        assertEquals(List.of("no-store"), r.getMultiValueHeaders().get("Cache-Control"));
    }

    @Test
    void albOverPlainHttpIsRefusedWith403() throws IOException {
        TestHandlers.Echo h = echo(Map.of());
        String out = invoke(h, Events.edited("elb_event.json", e -> {
            e.put("httpMethod", "POST");
            Events.header(e, "content-type", "application/json");
            e.put("body", VALID);
        }));
        JsonNode r = json(out);
        assertEquals(403, r.get("statusCode").asInt());
        assertEquals("403 Forbidden", r.get("statusDescription").asText());
        assertEquals(0, h.calls.get());
        assertEquals(List.of("TLS_REQUIRED"), onlyAuditEvent().reasons());
    }

    @Test
    void handlerThatThrowsGetsGeneric500AndAuditOutcomeError() throws IOException {
        TestHandlers.Throwing h = new TestHandlers.Throwing(GuardOptions.builder().environment(Map.of())
                .auditSink(sink).build());
        String out = invoke(h, Events.edited("apigw_http_event.json", e -> Events.v2Post(e, VALID)));
        JsonNode r = json(out);
        assertEquals(500, r.get("statusCode").asInt());
        String body = r.get("body").asText();
        assertFalse(body.contains("hunter2") || body.contains("IllegalState") || body.contains("at dev."), body);
        assertEquals("lambda-req-1", json(body).get("requestId").asText());
        AuditEvent a = onlyAuditEvent();
        assertEquals("error", a.outcome().wireName());
        assertEquals("allow", a.decision().wireName());
        assertEquals(500, a.status());
        assertFalse(a.toJson().contains("hunter2"));
    }

    @Test
    void worksWithoutALambdaContext() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        echo(Map.of()).handleRequest(new ByteArrayInputStream(
                Events.edited("apigw_http_event.json", e -> Events.v2Post(e, VALID))), out, null);
        assertEquals(201, json(out.toString(StandardCharsets.UTF_8)).get("statusCode").asInt());
        assertEquals("id", onlyAuditEvent().requestId(), "falls back to the API Gateway request id");
    }

    @Test
    void hundredMegabyteEventIsRefusedAfterReadingOnlyTheCap() throws IOException {
        byte[] head = Events.edited("apigw_http_event.json", e -> Events.v2Post(e, "@")).clone();
        CountingStream huge = new CountingStream(head, 100L * 1024 * 1024);
        TestHandlers.Echo h = echo(Map.of());
        String out = invoke(h, huge);
        assertEquals(413, json(out).get("statusCode").asInt());
        assertTrue(huge.read < 8 * 1024 + 128 * 1024 + 2, "read " + huge.read + " bytes of 100 MB");
        assertEquals(List.of("LIMIT_BODY"), onlyAuditEvent().reasons());
        assertEquals(0, h.calls.get());
    }

    @Test
    void base64BodyIsDecodedUnderTheSameLimits() throws IOException {
        String ok = invoke(echo(Map.of()), Events.edited("apigw_http_event.json", e -> {
            Events.v2Post(e, Base64.getEncoder().encodeToString(VALID.getBytes(StandardCharsets.UTF_8)));
            e.put("isBase64Encoded", true);
        }));
        assertEquals(201, json(ok).get("statusCode").asInt());
        audit.clear();
        String big = invoke(echo(Map.of()), Events.edited("apigw_http_event.json", e -> {
            String json = "{\"sku\":\"" + "A".repeat(2000) + "\",\"quantity\":1}";
            Events.v2Post(e, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
            e.put("isBase64Encoded", true);
        }));
        assertEquals(413, json(big).get("statusCode").asInt());
    }

    @Test
    void invalidBase64IsAnEncodingError() throws IOException {
        String out = invoke(echo(Map.of()), Events.edited("apigw_http_event.json", e -> {
            Events.v2Post(e, "not*base64!");
            e.put("isBase64Encoded", true);
        }));
        assertEquals(400, json(out).get("statusCode").asInt());
        assertEquals(List.of("ENCODING"), onlyAuditEvent().reasons());
    }

    @Test
    void wrongContentTypeIs415() throws IOException {
        String out = invoke(echo(Map.of()), Events.edited("apigw_http_event.json", e -> {
            Events.v2Post(e, VALID);
            Events.header(e, "content-type", "application/xml");
        }));
        assertEquals(415, json(out).get("statusCode").asInt());
    }

    @Test
    void wrongMethodIs405WithAllow() throws IOException {
        String out = invoke(echo(Map.of()), Events.load("lambdaFunctionUrlEvent.json").toString()
                .getBytes(StandardCharsets.UTF_8));
        JsonNode r = json(out);
        assertEquals(405, r.get("statusCode").asInt());
        assertEquals("POST", r.get("headers").get("Allow").asText());
    }

    @Test
    void invalidPayloadIsProblemJsonListingPathsWithoutTheInput() throws IOException {
        String out = invoke(echo(Map.of()), Events.edited("apigw_http_event.json",
                e -> Events.v2Post(e, "{\"sku\":\"<img src=x onerror=alert(1)>\",\"quantity\":0}")));
        JsonNode r = json(out);
        assertEquals(400, r.get("statusCode").asInt());
        assertEquals("application/problem+json", r.get("headers").get("Content-Type").asText());
        String body = r.get("body").asText();
        assertFalse(body.contains("onerror"), body);
        JsonNode problem = json(body);
        assertEquals("CONSTRAINT", problem.get("code").asText());
        assertEquals(2, problem.get("violations").size());
        assertEquals("quantity", problem.get("violations").get(0).get("field").asText());
        assertEquals("Min", problem.get("violations").get(0).get("constraint").asText());
    }

    @Test
    void monitorModeLetsThroughAndFlags() throws IOException {
        TestHandlers.Echo h = echo(Map.of("FNGUARD_MODE", "monitor"));
        String out = invoke(h, Events.edited("apigw_http_event.json",
                e -> Events.v2Post(e, "{\"sku\":\"ABC-123\",\"quantity\":5000}")));
        assertEquals(201, json(out).get("statusCode").asInt());
        assertEquals(1, h.calls.get());
        AuditEvent a = onlyAuditEvent();
        assertEquals("flag", a.decision().wireName());
        assertEquals(List.of("CONSTRAINT"), a.reasons());
    }

    @Test
    void nonHttpEventIsRefusedWithoutCallingUserCode() throws IOException {
        TestHandlers.Echo h = echo(Map.of());
        String out = invoke(h, Events.load("sqs_event_nobody.json").toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(400, json(out).get("statusCode").asInt());
        assertEquals(0, h.calls.get());
        assertEquals(List.of("UNSUPPORTED_EVENT"), onlyAuditEvent().reasons());
    }

    static Stream<byte[]> everyKindOfAnswer() {
        return Stream.of(
                Events.edited("apigw_http_event.json", e -> Events.v2Post(e, VALID)),
                Events.edited("apigw_http_event.json", e -> Events.v2Post(e, "{")),
                Events.edited("apigw_http_event.json", e -> Events.v2Post(e, "[" + "1,".repeat(600) + "1]")),
                Events.load("apigw_rest_event.json").toString().getBytes(StandardCharsets.UTF_8),
                Events.load("elb_event.json").toString().getBytes(StandardCharsets.UTF_8),
                "garbage".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfAnswer")
    void everyResponseCarriesTheSecurityHeadersAndOneAuditEvent(byte[] event) throws IOException {
        JsonNode r = json(invoke(echo(Map.of()), event));
        JsonNode headers = r.has("multiValueHeaders") && !r.get("multiValueHeaders").isNull()
                && r.get("multiValueHeaders").size() > 0 ? r.get("multiValueHeaders") : r.get("headers");
        assertNotNull(headers);
        for (String name : List.of("Strict-Transport-Security", "X-Content-Type-Options", "Cache-Control",
                "Content-Type")) {
            assertTrue(headers.has(name), name + " missing in " + r);
        }
        onlyAuditEvent();
    }

    /** Produces a head then filler bytes, counting what the guard reads. */
    static final class CountingStream extends InputStream {
        private final byte[] head;
        private final long size;
        long read;

        CountingStream(byte[] head, long size) {
            this.head = head;
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            long p = read++;
            return p < head.length ? head[(int) p] & 0xFF : 'A';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
