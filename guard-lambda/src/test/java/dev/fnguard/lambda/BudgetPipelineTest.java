package dev.fnguard.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Budgets on the Lambda HTTP path: deadlines answered 503 TIMEOUT, rates answered 429 with Retry-After. */
class BudgetPipelineTest {

    private static final String VALID = "{\"sku\":\"ABC-123\",\"quantity\":2}";

    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();

    private GuardOptions options() {
        return GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build();
    }

    private static byte[] post(String sourceIp) {
        return Events.edited("apigw_http_event.json", e -> {
            Events.v2Post(e, VALID);
            ((ObjectNode) e.get("requestContext").get("http")).put("sourceIp", sourceIp);
        });
    }

    private static JsonNode invoke(RequestStreamHandler h, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event), out, new TestContext("lambda-req-1"));
        return Events.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void handlerSleepingPastItsDeadlineIsAnswered503TimeoutAndInterrupted() throws Exception {
        BudgetHandlers.Sleeper h = new BudgetHandlers.Sleeper(options());
        JsonNode r = invoke(h, post("198.51.100.7"));
        assertEquals(503, r.get("statusCode").asInt());
        assertEquals("TIMEOUT", Events.MAPPER.readTree(r.get("body").asText()).get("code").asText());
        assertTrue(h.interrupted.await(5, TimeUnit.SECONDS), "the handler's thread is interrupted");
        assertEquals(1, audit.size());
        assertEquals("timeout", audit.get(0).outcome().wireName());
        assertEquals(List.of("TIMEOUT"), audit.get(0).reasons());
        assertEquals(503, audit.get(0).status());
    }

    @Test
    void handlerIgnoringInterruptionStillGetsItsCallerAnsweredOnTime() throws Exception {
        BudgetHandlers.Stubborn h = new BudgetHandlers.Stubborn(options());
        try {
            JsonNode r = invoke(h, post("198.51.100.7"));
            assertEquals(503, r.get("statusCode").asInt());
            assertEquals(1, h.finished.getCount(), "answered while the handler is still running");
            assertEquals("timeout", audit.get(0).outcome().wireName());
        } finally {
            h.release.countDown();
        }
        assertTrue(h.finished.await(5, TimeUnit.SECONDS));
        assertEquals(1, audit.size(), "the late return of the handler writes no second audit event");
    }

    @Test
    void handlerWithinItsDeadlineAnswersNormallyAndSeesItsBudgetAsTimeLeft() throws Exception {
        BudgetHandlers.Quick h = new BudgetHandlers.Quick(options());
        JsonNode r = invoke(h, post("198.51.100.7"));
        assertEquals(200, r.get("statusCode").asInt());
        long left = Long.parseLong(r.get("body").asText());
        assertTrue(left <= 5000 && left > 0, "remainingMillis is bounded by maxMillis, was " + left);
        assertEquals("ok", audit.get(0).outcome().wireName());
    }

    @Test
    void floodFromOneCallerGets429WithRetryAfterWhileAnotherCallerIsServed() throws Exception {
        BudgetHandlers.Limited h = new BudgetHandlers.Limited(options());
        assertEquals(200, invoke(h, post("198.51.100.7")).get("statusCode").asInt());
        assertEquals(200, invoke(h, post("198.51.100.7")).get("statusCode").asInt());
        JsonNode refused = invoke(h, post("198.51.100.7"));
        assertEquals(429, refused.get("statusCode").asInt());
        long retry = Long.parseLong(refused.get("headers").get("Retry-After").asText());
        assertTrue(retry >= 50 && retry <= 60, "Retry-After is the time to the next token, in seconds, was " + retry);
        assertEquals("RATE", Events.MAPPER.readTree(refused.get("body").asText()).get("code").asText());
        assertEquals(200, invoke(h, post("203.0.113.9")).get("statusCode").asInt());
        assertEquals(List.of("RATE"), audit.get(2).reasons());
        assertEquals("skipped", audit.get(2).outcome().wireName());
    }
}
