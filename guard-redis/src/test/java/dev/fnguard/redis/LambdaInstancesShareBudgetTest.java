package dev.fnguard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.HttpReply;
import dev.fnguard.budget.Budget;
import dev.fnguard.lambda.GuardedHttpHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole path with no code change: a guarded Lambda handler, {@code FNGUARD_REDIS_URL} in its
 * environment, guard-redis on the class path. Two instances (two handler objects, each with its own
 * Redis client) answer AWS's sample HTTP API event and share one per-caller budget.
 */
class LambdaInstancesShareBudgetTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Any map body; five requests per caller, then one a minute. */
    @Guarded(budget = @Budget(callerPerMinute = 1, callerBurst = 5))
    public static final class Api extends GuardedHttpHandler<Map<String, Object>, String> {
        /**
         * For the test.
         *
         * @param options environment and audit sink
         */
        public Api(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<String> handle(Map<String, Object> body, GuardContext context) {
            return HttpReply.of(200, "ok");
        }
    }

    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();

    private Api instance(String function) {
        Map<String, String> env = new HashMap<>(REDIS.environment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function);
        return new Api(GuardOptions.builder().environment(env).auditSink(audit::add).build());
    }

    private static byte[] event(String sourceIp) throws IOException {
        ObjectNode e;
        try (InputStream in = LambdaInstancesShareBudgetTest.class.getResourceAsStream("/events/apigw_http_event.json")) {
            e = (ObjectNode) MAPPER.readTree(in);
        }
        ObjectNode http = (ObjectNode) e.get("requestContext").get("http");
        http.put("method", "POST");
        http.put("sourceIp", sourceIp);
        ((ObjectNode) e.get("headers")).put("content-type", "application/json");
        e.put("body", "{\"sku\":\"ABC-123\"}");
        return MAPPER.writeValueAsBytes(e);
    }

    private static JsonNode invoke(Api h, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event), out, null);
        return MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void twoLambdaInstancesWithTheRedisUrlShareOneCallerBudget() throws IOException {
        String fn = "orders-" + UUID.randomUUID();
        Api first = instance(fn);
        Api second = instance(fn);
        byte[] flood = event("198.51.100.7");
        int served = 0;
        JsonNode last = null;
        for (int i = 0; i < 12; i++) {
            last = invoke(i % 2 == 0 ? first : second, flood);
            if (last.get("statusCode").asInt() == 200) {
                served++;
            }
        }
        assertEquals(5, served, "one burst of 5 for the caller across both instances, not 5 each");
        assertEquals(429, last.get("statusCode").asInt());
        assertTrue(last.get("headers").has("Retry-After"));
        assertEquals(200, invoke(second, event("203.0.113.9")).get("statusCode").asInt(),
                "another caller is served");
        assertEquals(13, audit.size());
        assertEquals(List.of("RATE"), audit.get(11).reasons());
    }
}
