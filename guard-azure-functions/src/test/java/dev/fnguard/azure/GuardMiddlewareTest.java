package dev.fnguard.azure;

import static dev.fnguard.azure.AzureFixtures.VALID;
import static dev.fnguard.azure.AzureFixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.internal.spi.middleware.Middleware;
import dev.fnguard.AuditEvent;
import dev.fnguard.Decision;
import dev.fnguard.Outcome;
import dev.fnguard.Reason;
import dev.fnguard.SourceKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardMiddlewareTest {

    private final AzureFixtures fx = new AzureFixtures();

    private WorkerContext run(Map<String, String> env, String function, String binding, Object value)
            throws Exception {
        WorkerContext ctx = context(function, binding, value);
        new Worker(List.of(new GuardMiddleware(fx.options(env)))).invoke(ctx);
        return ctx;
    }

    private WorkerContext run(String function, String binding, Object value) throws Exception {
        return run(Map.of(), function, binding, value);
    }

    @Test
    void workerFindsTheMiddlewareThroughServiceLoader() {
        boolean found = false;
        for (Middleware m : ServiceLoader.load(Middleware.class)) {
            found |= m instanceof GuardMiddleware;
        }
        assertTrue(found, "META-INF/services registers GuardMiddleware");
    }

    @Test
    void queueFunctionReceivesTheValidatedPayload() throws Exception {
        WorkerContext ctx = run("QueueOrders", "msg", VALID);
        assertEquals(List.of(new Order("ABC-123", 2, "leave at the door", "ana@example.com")), ctx.received());
        AuditEvent e = fx.only();
        assertEquals(Decision.ALLOW, e.decision());
        assertEquals(Outcome.OK, e.outcome());
        assertEquals(ctx.getInvocationId(), e.requestId());
        assertEquals(TestExecutionContext.TRACE_ID, e.traceId().orElseThrow());
        assertEquals("QueueOrders", e.functionName());
        assertEquals(SourceKind.QUEUE, e.source().kind());
        assertEquals("azure-queue", e.source().type());
        assertEquals("ordersacct/orders", e.source().identity().orElseThrow());
    }

    @Test
    void deniedQueueMessageFailsTheInvocationWithoutCallingTheFunction() {
        EventDeniedException ex = assertThrows(EventDeniedException.class,
                () -> run("QueueOrders", "msg", "{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}"));
        assertEquals(Reason.UNKNOWN_FIELD, ex.reason());
        assertFalse(ex.getMessage().contains("price"), "no payload content in the exception");
        AuditEvent e = fx.only();
        assertEquals(Decision.DENY, e.decision());
        assertEquals(List.of("UNKNOWN_FIELD"), e.reasons());
        assertEquals(Outcome.SKIPPED, e.outcome());
    }

    @Test
    void dropModeCompletesADeniedQueueMessage() throws Exception {
        WorkerContext ctx = run(Map.of("FNGUARD_AZURE_ON_DENY", "drop"), "QueueOrders", "msg",
                "{\"sku\":\"ABC' OR '1'='1\",\"quantity\":1}");
        assertFalse(ctx.functionRan());
        assertEquals(List.of("CONSTRAINT"), fx.only().reasons());
    }

    @Test
    void textQueueFunctionGetsTheOriginalStringAndTheQueueNameFromItsAppSetting() throws Exception {
        WorkerContext ctx = run("QueueText", "msg", VALID);
        assertEquals(List.of(VALID), ctx.received());
        assertEquals("ordersacct/orders-text", fx.only().source().identity().orElseThrow());
    }

    @Test
    void textQueueMessageIsStillCheckedAgainstTheLimits() {
        String deep = "{\"sku\":" + "[".repeat(64) + "]".repeat(64) + "}";
        EventDeniedException ex = assertThrows(EventDeniedException.class, () -> run("QueueText", "msg", deep));
        assertEquals(Reason.LIMIT_DEPTH, ex.reason());
    }

    @Test
    void serviceBusQueueMessageIsBoundAndItsNamespaceIsTheIdentity() throws Exception {
        WorkerContext ctx = run("ServiceBusOrders", "message", VALID);
        assertInstanceOf(Order.class, ctx.received().get(0));
        assertEquals("orders-ns/orders", fx.only().source().identity().orElseThrow());
        assertEquals("azure-servicebus", fx.only().source().type());
    }

    @Test
    void serviceBusTopicMessageWithDuplicateKeyIsDenied() {
        EventDeniedException ex = assertThrows(EventDeniedException.class,
                () -> run("ServiceBusTopic", "message", "{\"sku\":\"A\",\"sku\":\"B\"}"));
        assertEquals(Reason.DUPLICATE_KEY, ex.reason());
        assertEquals("orders-ns/orders/billing", fx.only().source().identity().orElseThrow());
    }

    @Test
    void blobContentIsCheckedAndADeniedBlobIsDroppedNotRetried() throws Exception {
        WorkerContext ok = run("BlobOrders", "content", VALID);
        assertEquals(List.of(VALID), ok.received());
        WorkerContext bad = run("BlobOrders", "content", "{\"sku\":\"ABC-123\",");
        assertFalse(bad.functionRan());
        assertEquals(2, fx.audit.size());
        AuditEvent denied = fx.audit.get(1);
        assertEquals(List.of("MALFORMED"), denied.reasons());
        assertEquals(SourceKind.OBJECT_STORE, denied.source().kind());
        assertEquals("ordersacct/uploads", denied.source().identity().orElseThrow());
    }

    @Test
    void blobNameWithEncodedTraversalIsDeniedAsObjectKeyInTheOneAuditEvent() throws Exception {
        WorkerContext ctx = context("BlobNamed", "content", VALID).metadata("name", "reports/..%252F..%252Fetc/passwd");
        new Worker(List.of(new GuardMiddleware(fx.options()))).invoke(ctx);
        assertTrue(ctx.received().isEmpty());
        AuditEvent e = fx.only();
        assertEquals(List.of("OBJECT_KEY"), e.reasons());
        assertEquals(Outcome.SKIPPED, e.outcome());
        assertEquals(Decision.DENY, e.decision());
    }

    @Test
    void blobWithSafeNameReachesTheFunction() throws Exception {
        WorkerContext ctx = context("BlobNamed", "content", VALID).metadata("name", "2026/11/order 17.json");
        new Worker(List.of(new GuardMiddleware(fx.options()))).invoke(ctx);
        assertEquals(List.of("2026/11/order 17.json"), ctx.received());
        assertEquals(Decision.ALLOW, fx.only().decision());
    }

    @Test
    void batchFunctionPassesTheMiddlewareAndIsGuardedInsideTheFunction() throws Exception {
        // the worker hands batches over as collections: not strings, so middleware cannot read them
        WorkerContext ctx = context("Telemetry", "events", List.of(VALID, "{\"sku\":\"ABC-123\",\"quantity\":\"2\"}"));
        assertEquals(null, ctx.getParameterValue("events"));
        new Worker(List.of(new GuardMiddleware(fx.options()))).invoke(ctx);
        assertEquals(List.of(List.of(new Order("ABC-123", 2, "leave at the door", "ana@example.com"))), ctx.received());
        assertTrue(fx.audit.isEmpty(), "the middleware does not audit batch functions; AzureGuard.messages does");
    }

    @Test
    void sourceOutsideTheAllowListIsDenied() {
        EventDeniedException ex = assertThrows(EventDeniedException.class, () -> run(
                Map.of("FNGUARD_ALLOWED_SOURCES", "queue:ordersacct/payments-*,arn:aws:sqs:*"),
                "QueueOrders", "msg", VALID));
        assertEquals(Reason.SOURCE, ex.reason());
        assertEquals(List.of("SOURCE"), fx.only().reasons());
    }

    @Test
    void sourceMatchingAnAllowListPatternPasses() throws Exception {
        WorkerContext ctx = run(Map.of("FNGUARD_ALLOWED_SOURCES", "queue:ordersacct/ord*,eventhub:other/*"),
                "QueueOrders", "msg", VALID);
        assertTrue(ctx.functionRan());
    }

    @Test
    void functionWithoutGuardedPassesUntouchedAndIsNotAudited() throws Exception {
        WorkerContext ctx = run("Unguarded", "msg", "not json at all");
        assertEquals(List.of("not json at all"), ctx.received());
        assertTrue(fx.audit.isEmpty());
    }

    @Test
    void unguardedFunctionIsReportedOnceInTheLogNotPerInvocation() throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("fnguard");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            Worker worker = new Worker(List.of(new GuardMiddleware(fx.options())));
            for (int i = 0; i < 5; i++) {
                worker.invoke(context("Unguarded", "msg", "x" + i));
            }
        } finally {
            log.detachAppender(lines);
        }
        long said = lines.list.stream().filter(e -> e.getFormattedMessage().contains("Unguarded")
                && e.getFormattedMessage().contains("has no @Guarded")).count();
        assertEquals(1, said);
        assertTrue(lines.list.stream().noneMatch(e -> e.getFormattedMessage().contains("x3")), "no payload in logs");
    }

    @Test
    void guardedOnTheMethodAloneIsFound() {
        assertThrows(EventDeniedException.class, () -> run("GuardedMethod", "msg", "{\"sku\":\"AB\"}"));
        assertEquals(List.of("CONSTRAINT"), fx.only().reasons());
    }

    @Test
    void triggerWithoutAStringValueIsRefusedAudibly() {
        EventDeniedException ex = assertThrows(EventDeniedException.class,
                () -> run("QueueOrders", "msg", VALID.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.UNSUPPORTED_EVENT, ex.reason());
        assertEquals(1, fx.audit.size());
    }

    @Test
    void functionThatThrowsIsAuditedAsErrorAndTheExceptionReachesTheWorker() {
        IllegalStateException ex = assertThrows(IllegalStateException.class, () -> run("QueueThrows", "msg", VALID));
        assertTrue(ex.getMessage().startsWith("downstream failed"));
        AuditEvent e = fx.only();
        assertEquals(Outcome.ERROR, e.outcome());
        assertEquals(IllegalStateException.class.getName(), e.errorType().orElseThrow());
    }

    @Test
    void timerFunctionPassesUntouched() throws Exception {
        WorkerContext ctx = run("Cleanup", "timer", "{\"isPastDue\":false}");
        assertTrue(ctx.functionRan());
        assertTrue(fx.audit.isEmpty());
    }

    @Test
    void httpFunctionPassesTheMiddlewareAndIsGuardedInsideTheFunction() throws Exception {
        WorkerContext ctx = context("OrdersHttp", "req", null);
        // the worker's context shows the HTTP trigger's name, but no value: HTTP requests are not strings
        assertEquals("req", ctx.getParameterName("HttpTrigger"));
        assertEquals(null, ctx.getParameterValue("req"));
        new Worker(List.of(new GuardMiddleware(fx.options()))).invoke(withRequest(ctx,
                TestHttpRequest.postJson("{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}")));
        HttpResponseMessage response = (HttpResponseMessage) ctx.getReturnValue();
        assertEquals(400, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeader("Content-Type"));
        assertTrue(fx.audit.isEmpty(), "the middleware does not audit HTTP functions; AzureGuard.http does");
    }

    @Test
    void functionIsFoundThroughItsFunctionJson(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("QueueOrders"));
        Files.writeString(dir.resolve("function.json"), "{\"scriptFile\":\"../app.jar\",\"entryPoint\":\""
                + Functions.class.getName() + ".queueOrders\",\"bindings\":[{\"type\":\"queueTrigger\","
                + "\"direction\":\"in\",\"name\":\"msg\",\"queueName\":\"orders\",\"connection\":\"Storage\"}]}");
        Map<String, String> env = new java.util.HashMap<>(AzureFixtures.APP_SETTINGS);
        env.remove("FNGUARD_AZURE_FUNCTION_CLASSES");
        env.put("AzureWebJobsScriptRoot", root.toString());
        WorkerContext ctx = context("QueueOrders", "msg", "{\"sku\":\"ABC-123\",\"quantity\":0}");
        GuardMiddleware middleware = new GuardMiddleware(dev.fnguard.GuardOptions.builder().environment(env)
                .auditSink(fx.audit::add).build());
        assertThrows(EventDeniedException.class, () -> new Worker(List.of(middleware)).invoke(ctx));
        assertEquals(List.of("CONSTRAINT"), fx.only().reasons());
    }

    @Test
    void functionThatCannotBeLocatedPassesUntouched() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(AzureFixtures.APP_SETTINGS);
        env.remove("FNGUARD_AZURE_FUNCTION_CLASSES");
        WorkerContext ctx = context("QueueOrders", "msg", VALID);
        new Worker(List.of(new GuardMiddleware(dev.fnguard.GuardOptions.builder().environment(env)
                .auditSink(fx.audit::add).build()))).invoke(ctx);
        assertTrue(ctx.functionRan());
        assertTrue(fx.audit.isEmpty());
    }

    @Test
    void oneMiddlewareInstanceServesManyFunctionsAndAuditsOnlyGuardedOnes() throws Exception {
        GuardMiddleware shared = new GuardMiddleware(fx.options());
        Worker worker = new Worker(List.of(shared));
        for (int i = 0; i < 3; i++) {
            worker.invoke(context("QueueOrders", "msg", VALID));
            worker.invoke(context("QueueText", "msg", VALID));
            worker.invoke(context("Unguarded", "msg", "x"));
        }
        assertEquals(6, fx.audit.size());
        assertEquals(3, fx.audit.stream().filter(e -> e.functionName().equals("QueueText")).count());
    }

    @Test
    void invalidOnDenySettingNamesTheVariableAndFailsClosed() {
        EventDeniedException ex = assertThrows(EventDeniedException.class,
                () -> run(Map.of("FNGUARD_AZURE_ON_DENY", "ignore"), "QueueOrders", "msg", VALID));
        assertEquals(Reason.INTERNAL, ex.reason());
    }

    private static WorkerContext withRequest(WorkerContext ctx, TestHttpRequest request) {
        ctx.hostValue("req", request);
        return ctx;
    }

}
