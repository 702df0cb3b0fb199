package dev.fnguard.azure;

import static dev.fnguard.azure.AzureFixtures.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.functions.HttpResponseMessage;
import dev.fnguard.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The worker runs many invocations at once against one middleware instance and one AzureGuard: 400
 * mixed invocations on 16 threads, each with its own expected verdict, and exactly one audit event each.
 */
class ConcurrencyTest {

    private final AzureFixtures fx = new AzureFixtures();

    /** What one invocation expects: its id, the decision, the reason (or "") and whether the function ran. */
    private record Outcome(String id, String decision, String reason, boolean ran) {
    }

    @Test
    void fourHundredConcurrentInvocationsGetTheirOwnVerdictAndOneAuditEventEach() throws Exception {
        GuardMiddleware middleware = new GuardMiddleware(fx.options());
        AzureGuard http = AzureGuard.create(fx.options());
        Worker worker = new Worker(List.of(middleware));
        int n = 400;
        List<Callable<Outcome>> tasks = new ArrayList<>();
        List<Outcome> expected = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < n; i++) {
            int kind = i % 6;
            int q = 1 + (i % 900);
            String good = "{\"sku\":\"SKU-" + i + "\",\"quantity\":" + q + "}";
            String admin = "{\"sku\":\"SKU-" + i + "\",\"quantity\":1,\"admin\":true}";
            String bad = "{\"sku\":\"SKU-" + i + "\",\"quantity\":" + (1001 + i) + "}";
            tasks.add(() -> {
                start.await();
                switch (kind) {
                    case 0: {
                        WorkerContext c = AzureFixtures.context("QueueOrders", "msg", good);
                        worker.invoke(c);
                        Order got = (Order) c.received().get(0);
                        assertEquals(q, got.quantity(), "each invocation gets its own payload");
                        return new Outcome(c.getInvocationId(), "allow", "", true);
                    }
                    case 1: {
                        WorkerContext c = AzureFixtures.context("QueueOrders", "msg", bad);
                        try {
                            worker.invoke(c);
                        } catch (EventDeniedException e) {
                            return new Outcome(c.getInvocationId(), "deny", e.reason().name(), c.functionRan());
                        }
                        return new Outcome(c.getInvocationId(), "allow", "", c.functionRan());
                    }
                    case 2: {
                        TestExecutionContext c = new TestExecutionContext("OrdersHttp");
                        HttpResponseMessage r = http.handle(TestHttpRequest.postJson(good), c,
                                new Functions()::createOrder);
                        return new Outcome(c.getInvocationId(), r.getStatusCode() == 201 ? "allow" : "?", "", true);
                    }
                    case 3: {
                        TestExecutionContext c = new TestExecutionContext("OrdersHttp");
                        HttpResponseMessage r = http.handle(TestHttpRequest.postJson(admin), c,
                                new Functions()::createOrder);
                        return new Outcome(c.getInvocationId(), r.getStatusCode() == 400 ? "deny" : "?",
                                "UNKNOWN_FIELD", false);
                    }
                    case 4: {
                        TestExecutionContext c = new TestExecutionContext("Telemetry");
                        List<Order> got = http.checkMessages(List.of(good, bad), c, Order.class);
                        return new Outcome(c.getInvocationId(), got.size() == 1 && got.get(0).quantity() == q
                                ? "deny" : "?", "CONSTRAINT", true);
                    }
                    default: {
                        WorkerContext c = AzureFixtures.context("BlobOrders", "content", "[".repeat(40));
                        worker.invoke(c);
                        return new Outcome(c.getInvocationId(), "deny", "LIMIT_DEPTH", c.functionRan());
                    }
                }
            });
            int k = kind;
            expected.add(new Outcome(null, k == 0 || k == 2 ? "allow" : "deny",
                    switch (k) {
                        case 1, 4 -> "CONSTRAINT";
                        case 3 -> "UNKNOWN_FIELD";
                        case 5 -> "LIMIT_DEPTH";
                        default -> "";
                    }, k == 0 || k == 2 || k == 4));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Outcome> actual = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Callable<Outcome> t : tasks) {
                futures.add(pool.submit(t));
            }
            start.countDown();
            for (Future<Outcome> f : futures) {
                actual.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        Map<String, List<AuditEvent>> byId = fx.audit.stream().collect(Collectors.groupingBy(AuditEvent::requestId));
        assertEquals(n, fx.audit.size(), "one audit event per invocation");
        assertEquals(n, byId.size(), "no invocation audited twice");
        for (int i = 0; i < n; i++) {
            Outcome want = expected.get(i);
            Outcome got = actual.get(i);
            assertEquals(want.decision(), got.decision(), "invocation " + i);
            assertEquals(want.ran(), got.ran(), "function ran, invocation " + i);
            AuditEvent event = byId.get(got.id()).get(0);
            assertEquals(want.decision(), event.decision().wireName(), "audited decision, invocation " + i);
            if (!want.reason().isEmpty()) {
                assertTrue(event.reasons().contains(want.reason()), "invocation " + i + ": " + event.reasons());
            }
        }
        Map<String, Long> perFunction = fx.audit.stream()
                .collect(Collectors.groupingBy(AuditEvent::functionName, Collectors.counting()));
        assertEquals(Map.of("QueueOrders", 134L, "OrdersHttp", 134L, "Telemetry", 66L, "BlobOrders", 66L),
                perFunction);
        assertTrue(fx.audit.stream().map(AuditEvent::requestId).allMatch(id -> id != null && !id.isEmpty()));
        Function<AuditEvent, String> json = AuditEvent::toJson;
        assertTrue(fx.audit.stream().map(json).noneMatch(s -> s.contains("SKU-")), "no payload content in audit");
    }
}
